// Hostile program: a parent that starts a child which holds the port, then exits on SIGTERM while
// the child (which ignores SIGTERM) stays behind. The grader must kill the whole process group.
import { spawn } from 'node:child_process';
if (process.argv[2] === 'child') {
  const { createServer } = await import('node:net');
  process.on('SIGTERM', () => {});
  const port = Number(process.env.PORT ?? 4221);
  createServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).listen(port, '127.0.0.1', () => {
    console.log(`child ${process.pid} listening`);
  });
} else {
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, 'child'], { stdio: 'inherit' });
  console.log(`parent ${process.pid} started child ${child.pid}`);
  process.on('SIGTERM', () => process.exit(0));
  setInterval(() => {}, 1 << 30);
}

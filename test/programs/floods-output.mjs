// Hostile program: listens, then writes far more output than any transcript should hold.
import { createServer } from 'node:net';
const port = Number(process.env.PORT ?? 4221);
const line = `${'x'.repeat(99)}\n`;
createServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).listen(port, '127.0.0.1', () => {
  let written = 0;
  const flood = () => {
    // 50 MiB in all, bounded, written as fast as the pipe takes it.
    while (written < 50 * 1024 * 1024) {
      written += line.length;
      if (!process.stdout.write(line)) return process.stdout.once('drain', flood);
    }
  };
  flood();
});

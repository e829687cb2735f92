// Hostile program: serves, but ignores SIGTERM, so only SIGKILL stops it.
import { createServer } from 'node:net';
process.on('SIGTERM', () => console.log('SIGTERM? not today'));
const port = Number(process.env.PORT ?? 4221);
createServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).listen(port, '127.0.0.1');

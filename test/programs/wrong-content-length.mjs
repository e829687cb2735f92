// Scenario: routes right, but its Content-Length is one byte short of the body it sends.
import { createServer } from 'node:net';
const port = Number(process.env.PORT ?? 4221);
createServer((socket) =>
  socket.on('data', (data) => {
    const path = data.toString().split(' ')[1] ?? '/';
    if (path === '/') return socket.write('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    if (!path.startsWith('/echo/')) return socket.write('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    const body = path.slice(6);
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length - 1}\r\n\r\n${body}`);
  }),
).listen(port, '127.0.0.1');

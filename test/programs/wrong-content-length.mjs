// Scenario: Content-Length one byte short of the body it sends.
import { createServer } from 'node:net';
const port = Number(process.env.PORT ?? 4221);
createServer((socket) =>
  socket.on('data', (data) => {
    const path = data.toString().split(' ')[1] ?? '/';
    const body = path.startsWith('/echo/') ? path.slice(6) : '';
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Math.max(body.length - 1, 0)}\r\n\r\n${body}`);
  }),
).listen(port, '127.0.0.1');

// Scenario: a Redis clone that ends its replies with a bare \n, a classic first mistake.
import { createServer } from 'node:net';
const port = Number(process.env.PORT ?? 6379);
createServer((socket) => socket.on('data', () => socket.write('+PONG\n'))).listen(port, '127.0.0.1');

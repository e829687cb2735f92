// Scenario: answers with bare \n line endings, a classic first mistake.
import { createServer } from 'node:net';
const port = Number(process.env.PORT ?? 4221);
createServer((socket) => socket.on('data', () => socket.write('HTTP/1.1 200 OK\n\n'))).listen(port, '127.0.0.1');

// Hostile program: accepts connections and reads requests, but never answers.
import { createServer } from 'node:net';
const port = Number(process.env.PORT ?? 4221);
createServer((socket) => socket.on('data', () => {})).listen(port, '127.0.0.1');

// Scenario: a Redis clone that answers ECHO with a simple string (+hey) where Redis sends a bulk string.
import { createServer } from 'node:net';
const port = Number(process.env.PORT ?? 6379);
createServer((socket) => {
  let buffer = '';
  socket.on('data', (chunk) => {
    buffer += chunk.toString('latin1');
    // Just enough RESP for the scenario: *N then N bulk strings, whole commands only.
    for (;;) {
      const match = /^\*(\d+)\r\n((?:\$\d+\r\n[^\r]*\r\n)*)/.exec(buffer);
      const words = match ? [...match[2].matchAll(/\$\d+\r\n([^\r]*)\r\n/g)].map((m) => m[1]) : [];
      if (!match || words.length < Number(match[1])) return;
      buffer = buffer.slice(match[0].length);
      socket.write(words[0].toUpperCase() === 'ECHO' ? `+${words[1]}\r\n` : '+PONG\r\n');
    }
  });
}).listen(port, '127.0.0.1');

// Mutant: `socket.write('Welcome to budgetchat! What shall I call you?\r\n')` — the welcome written by hand with the
// `\r\n` of telnet and HTTP, while every other line goes through the `\n`-only encoder. nc shows nothing wrong; a
// program that reads `\n`-terminated lines gets a welcome ending in a stray `\r`.
export * from '../../typescript/src/messages.js';

export const WELCOME = 'Welcome to budgetchat! What shall I call you?\r'; // the bug: encodeLine adds the `\n`

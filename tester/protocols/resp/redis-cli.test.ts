import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCommand } from './encode.js';
import { commandLabel, ncCommand, redisCliCommand } from './redis-cli.js';

const port = { port: 6379 };
/** The printf part of a replay line, run through /bin/sh: the bytes it would pipe. */
const printed = (line: string): Buffer => execFileSync('/bin/sh', ['-c', line.replace(/ \| (redis-cli|nc) .*$/, '')]);

describe('redisCliCommand', () => {
  it('plain words as is, the rest shell-quoted', () => {
    expect(redisCliCommand(['ECHO', 'hey'], port)).toBe('redis-cli -p 6379 ECHO hey');
    expect(redisCliCommand(['SET', 'k', "it's a value"], port)).toBe(`redis-cli -p 6379 SET k 'it'\\''s a value'`);
    expect(redisCliCommand(['KEYS', '*'], port)).toBe(`redis-cli -p 6379 KEYS '*'`);
    expect(redisCliCommand(['ECHO', ''], port)).toBe(`redis-cli -p 6379 ECHO ''`);
    expect(redisCliCommand(['ECHO', 'héllo'], port)).toBe(`redis-cli -p 6379 ECHO 'héllo'`);
  });

  it('a binary last argument goes through stdin with -x', () => {
    const value = Buffer.from('a\r\n\x00\xff%\'', 'latin1');
    const line = redisCliCommand(['SET', 'k', value], port);
    expect(line).toBe(`printf 'a\\r\\n\\000\\377%%'\\''' | redis-cli -p 6379 -x SET k`);
    expect(printed(line)).toEqual(value);
  });

  it('cuts a huge last argument and says so', () => {
    const line = redisCliCommand(['SET', 'k', Buffer.alloc(1024 * 1024, 0x61)], port);
    expect(line).toMatch(/^printf 'a{1024}' \| redis-cli -p 6379 -x SET k {2}# only the first 1024 of 1048576 bytes shown$/);
  });

  it('falls back to nc when a binary argument is not last, or the command starts with -', () => {
    const line = redisCliCommand(['SET', Buffer.from('k\n'), 'v'], port);
    expect(line).toBe(`printf '*3\\r\\n$3\\r\\nSET\\r\\n$2\\r\\nk\\n\\r\\n$1\\r\\nv\\r\\n' | nc localhost 6379`);
    expect(printed(line)).toEqual(encodeCommand(['SET', Buffer.from('k\n'), 'v']));
    expect(redisCliCommand(['-x'], port)).toMatch(/\| nc localhost 6379$/);
  });
});

describe('ncCommand', () => {
  it('replays any bytes exactly through /bin/sh', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(printed(ncCommand(Buffer.from(bytes), port))).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 100 },
    );
  });
});

describe('commandLabel', () => {
  it('names a command for messages', () => {
    expect(commandLabel(['ECHO', 'hey'])).toBe('ECHO hey');
    expect(commandLabel(['ECHO', 'hello world', Buffer.from('a\r\nb'), ''])).toBe('ECHO "hello world" "a\\r\\nb" ""');
    expect(commandLabel(['SET', 'k', Buffer.alloc(1000, 0x61)])).toBe(`SET k "${'a'.repeat(24)}"…(976 more bytes)`);
  });
});

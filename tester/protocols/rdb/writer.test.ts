import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { requireToolchain } from '../../../test/helpers/toolchain.js';
import { InternalError } from '../../harness/errors.js';
import { RespClient } from '../resp/client.js';
import type { RespValue } from '../resp/value.js';
import { TcpConnection } from '../tcp/connection.js';
import { crc64 } from './crc64.js';
import {
  annotateRdb,
  defaultAux,
  encodeRdbLength,
  encodeRdbString,
  formatRdbAnnotation,
  rdbIntegerValue,
  type RdbString,
  writeRdb,
} from './writer.js';

/** `"fe 00"` → bytes: expected bytes are written the way hex dumps show them. */
function h(spaced: string): Buffer {
  return Buffer.from(spaced.replace(/\s+/g, ''), 'hex');
}

const MAGIC = h('52 45 44 49 53 30 30 31 30'); // "REDIS0010"

/** The file minus its 8-byte checksum, after checking that checksum is the CRC-64 of what precedes it. */
function checkedBody(file: Buffer): Buffer {
  const body = file.subarray(0, file.length - 8);
  expect(file.readBigUInt64LE(file.length - 8)).toBe(crc64(body));
  return body;
}

describe('RDB lengths', () => {
  it.each([
    [0, '00'],
    [63, '3f'],
    [64, '40 40'],
    [300, '41 2c'],
    [16383, '7f ff'],
    [16384, '80 00 00 40 00'],
    [0xffffffff, '80 ff ff ff ff'],
    [2 ** 32, '81 00 00 00 01 00 00 00 00'],
  ])('%d is written as %s', (length, bytes) => {
    expect(encodeRdbLength(length)).toEqual(h(bytes));
  });

  it('prefixes string bytes with the narrowest length form', () => {
    expect(encodeRdbString('x'.repeat(63)).subarray(0, 1)).toEqual(h('3f'));
    expect(encodeRdbString('x'.repeat(64)).subarray(0, 2)).toEqual(h('40 40'));
    expect(encodeRdbString('x'.repeat(16383)).subarray(0, 2)).toEqual(h('7f ff'));
    const wide = encodeRdbString('x'.repeat(16384));
    expect(wide.subarray(0, 5)).toEqual(h('80 00 00 40 00'));
    expect(wide.length).toBe(5 + 16384);
  });

  it('counts bytes, not characters', () => {
    expect(encodeRdbString('é')).toEqual(h('02 c3 a9'));
  });
});

describe('RDB integer-encoded strings (rdbTryIntegerEncoding)', () => {
  it.each([
    ['0', 'c0 00'],
    ['7', 'c0 07'],
    ['-1', 'c0 ff'],
    ['127', 'c0 7f'],
    ['128', 'c1 80 00'],
    ['-128', 'c0 80'],
    ['-129', 'c1 7f ff'],
    ['32767', 'c1 ff 7f'],
    ['32768', 'c2 00 80 00 00'],
    ['-32768', 'c1 00 80'],
    ['-32769', 'c2 ff 7f ff ff'],
    ['2147483647', 'c2 ff ff ff 7f'],
    ['-2147483648', 'c2 00 00 00 80'],
  ])('"%s" is written as %s', (text, bytes) => {
    expect(encodeRdbString(text)).toEqual(h(bytes));
    expect(encodeRdbString(Buffer.from(text, 'latin1'))).toEqual(h(bytes));
  });

  it.each(['2147483648', '-2147483649', '12345678901', '007', '00', '-0', '+5', ' 1', '1 ', '1.0', '0x10', '1e3', '', '٣'])(
    '"%s" stays a raw string',
    (text) => {
      const bytes = Buffer.from(text, 'utf8');
      expect(rdbIntegerValue(bytes)).toBeUndefined();
      expect(encodeRdbString(text)).toEqual(Buffer.concat([encodeRdbLength(bytes.length), bytes]));
    },
  );

  it('writes numbers as their decimal text, int-encoded when that fits', () => {
    expect(encodeRdbString(42)).toEqual(h('c0 2a'));
    expect(encodeRdbString(-70000)).toEqual(h('c2 90 ee fe ff'));
    expect(encodeRdbString(2 ** 31)).toEqual(Buffer.concat([h('0a'), Buffer.from('2147483648')]));
    expect(() => encodeRdbString(1.5)).toThrow(InternalError);
    expect(() => encodeRdbString(2 ** 60)).toThrow(InternalError);
  });

  it("'raw' writes every string as length + bytes", () => {
    expect(encodeRdbString('5', 'raw')).toEqual(h('01 35'));
    expect(encodeRdbString(-129, 'raw')).toEqual(h('04 2d 31 32 39'));
  });

  it('int-encodes exactly the strings whose integer prints back as themselves and fits 32 bits', () => {
    const text = fc.oneof(
      fc.integer({ min: -(2 ** 33), max: 2 ** 33 }).map(String),
      fc.stringMatching(/^[-+ 0]?[0-9]{1,11}$/),
    );
    fc.assert(
      fc.property(text, (s) => {
        const n = Number(s);
        const redisWould = String(n) === s && Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;
        expect(rdbIntegerValue(Buffer.from(s, 'latin1'))).toBe(redisWould ? n : undefined);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('writeRdb', () => {
  it('starts with "REDIS" and the 4-digit version, and ends an empty file with EOF and its CRC', () => {
    expect(writeRdb([], { aux: {} })).toEqual(Buffer.concat([MAGIC, h('ff'), h('a9 fd 37 fe 89 a7 7e eb')]));
    expect(checkedBody(writeRdb([], { aux: {}, version: 9 }))).toEqual(Buffer.concat([h('52 45 44 49 53 30 30 30 39'), h('ff')]));
  });

  it('writes no SELECTDB for an empty database, like redis-server', () => {
    const file = writeRdb([], { aux: { 'redis-ver': '7.0.15' } });
    expect(checkedBody(file)).toEqual(Buffer.concat([MAGIC, h('fa 09'), Buffer.from('redis-ver'), h('06'), Buffer.from('7.0.15'), h('ff')]));
  });

  it('writes AUX fields in order, int-encoding numeric values as Redis does', () => {
    const body = checkedBody(writeRdb([], { aux: { 'redis-bits': '64', ctime: '1700000000' } }));
    expect(body).toEqual(
      Buffer.concat([MAGIC, h('fa 0a'), Buffer.from('redis-bits'), h('c0 40'), h('fa 05'), Buffer.from('ctime'), h('c2 00 f1 53 65'), h('ff')]),
    );
  });

  it('defaults AUX to what redis-server 7.0.15 writes', () => {
    expect(defaultAux(1_700_000_000_999)).toEqual({
      'redis-ver': '7.0.15',
      'redis-bits': '64',
      ctime: '1700000000',
      'used-mem': '1048576',
      'aof-base': '0',
    });
    const file = writeRdb([]);
    const names = annotateRdb([]).filter((s) => s.meaning.startsWith('AUX name:')).map((s) => s.bytes.toString());
    expect(names).toEqual(['redis-ver', 'redis-bits', 'ctime', 'used-mem', 'aof-base']);
    checkedBody(file);
  });

  it('writes SELECTDB, RESIZEDB, then type 0 + key + value per key', () => {
    const body = checkedBody(writeRdb([{ key: 'a', value: 'b' }, { key: '12', value: 300 }], { aux: {}, db: 2 }));
    expect(body).toEqual(Buffer.concat([MAGIC, h('fe 02  fb 02 00  00 01 61 01 62  00 c0 0c c1 2c 01  ff')]));
  });

  it('writes expiries as 0xFC + 8-byte LE milliseconds or 0xFD + 4-byte LE seconds, counted in RESIZEDB', () => {
    const entries: RdbString[] = [
      { key: 'm', value: 'x', expiry: { at: 1_700_000_000_123, unit: 'ms' } },
      { key: 's', value: 'y', expiry: { at: 1_700_000_000_000, unit: 's' } },
      { key: 'p', value: 'z' },
    ];
    const body = checkedBody(writeRdb(entries, { aux: {} }));
    expect(body).toEqual(
      Buffer.concat([
        MAGIC,
        h('fe 00  fb 03 02'),
        h('fc 7b 68 e5 cf 8b 01 00 00  00 01 6d 01 78'),
        h('fd 00 f1 53 65  00 01 73 01 79'),
        h('00 01 70 01 7a'),
        h('ff'),
      ]),
    );
  });

  it('refuses expiries 0xFD cannot hold', () => {
    expect(() => writeRdb([{ key: 'k', value: 'v', expiry: { at: 1_700_000_000_500, unit: 's' } }])).toThrow(/whole second/);
    expect(() => writeRdb([{ key: 'k', value: 'v', expiry: { at: 2 ** 31 * 1000, unit: 's' } }])).toThrow(/32 bits/);
    expect(() => writeRdb([{ key: 'k', value: 'v', expiry: { at: 1.5, unit: 'ms' } }])).toThrow(InternalError);
  });

  it('uses 14-bit lengths for RESIZEDB counts over 63', () => {
    const entries = Array.from({ length: 300 }, (_, i): RdbString => ({ key: `k${i}`, value: i }));
    const body = checkedBody(writeRdb(entries, { aux: {} }));
    expect(body.subarray(MAGIC.length, MAGIC.length + 6)).toEqual(h('fe 00 fb 41 2c 00'));
  });

  it("'raw' applies to keys, values and AUX fields", () => {
    const body = checkedBody(writeRdb([{ key: '1', value: 2 }], { aux: { 'aof-base': '0' }, stringEncoding: 'raw' }));
    expect(body).toEqual(Buffer.concat([MAGIC, h('fa 08'), Buffer.from('aof-base'), h('01 30'), h('fe 00 fb 01 00 00 01 31 01 32 ff')]));
  });

  it('refuses what redis-server would refuse to load', () => {
    expect(() => writeRdb([{ key: 'k', value: '1' }, { key: Buffer.from('k'), value: '2' }])).toThrow(/twice/);
    expect(() => writeRdb([], { db: 16 })).toThrow(/database 16/);
    expect(() => writeRdb([], { version: 11 })).toThrow(/version 11/);
    expect(() => writeRdb([], { version: 0 })).toThrow(InternalError);
  });

  it('ends with 0xFF and the little-endian CRC-64 of everything before it', () => {
    const file = writeRdb([{ key: 'bin', value: Buffer.from('a\r\n\0\xff', 'latin1') }]);
    expect(file[file.length - 9]).toBe(0xff);
    checkedBody(file);
    const corrupted = Buffer.from(file);
    corrupted[20] = (corrupted[20] ?? 0) ^ 1;
    expect(corrupted.readBigUInt64LE(corrupted.length - 8)).not.toBe(crc64(corrupted.subarray(0, corrupted.length - 8)));
  });
});

describe('annotateRdb', () => {
  const entries: RdbString[] = [
    { key: 'hello', value: 'world' },
    { key: 'n', value: 1000, expiry: { at: 1_700_000_000_000, unit: 'ms' } },
    { key: 'big', value: Buffer.alloc(20_000, 0x61) },
  ];

  it('covers the file exactly: consecutive segments whose bytes are the file', () => {
    const segments = annotateRdb(entries, { aux: { ctime: '1700000000' } });
    let offset = 0;
    for (const segment of segments) {
      expect(segment.offset).toBe(offset);
      expect(segment.bytes.length).toBeGreaterThan(0);
      offset += segment.bytes.length;
    }
    expect(Buffer.concat(segments.map((s) => s.bytes))).toEqual(writeRdb(entries, { aux: { ctime: '1700000000' } }));
  });

  it('says what each byte means', () => {
    const meanings = annotateRdb(entries, { aux: {} }).map((s) => `${s.bytes.toString('hex')} ${s.meaning}`);
    expect(meanings).toEqual([
      '5245444953 magic string "REDIS"',
      '30303130 RDB version 10, as 4 ASCII digits',
      'fe 0xFE SELECTDB: the database number follows',
      '00 database: 0 (1 byte, top bits 00 = 6-bit length)',
      'fb 0xFB RESIZEDB: two sizing hints follow',
      '03 keys in this database: 3 (1 byte, top bits 00 = 6-bit length)',
      '01 keys with an expiry: 1 (1 byte, top bits 00 = 6-bit length)',
      '00 key #1: value type 0 = string',
      '05 key #1 name length: 5 (1 byte, top bits 00 = 6-bit length)',
      "68656c6c6f key #1 name: 'hello'",
      '05 key #1 value length: 5 (1 byte, top bits 00 = 6-bit length)',
      "776f726c64 key #1 value: 'world'",
      'fc key #2: 0xFC EXPIRETIME_MS, an 8-byte little-endian Unix time in milliseconds follows',
      '0068e5cf8b010000 key #2: expires at 1700000000000 ms (2023-11-14T22:13:20.000Z)',
      '00 key #2: value type 0 = string',
      '01 key #2 name length: 1 (1 byte, top bits 00 = 6-bit length)',
      "6e key #2 name: 'n'",
      'c1 key #2 value: integer-encoded string (0xC1: a 2-byte little-endian int16 follows)',
      'e803 key #2 value: int16 1000 = the string "1000"',
      '00 key #3: value type 0 = string',
      '03 key #3 name length: 3 (1 byte, top bits 00 = 6-bit length)',
      "626967 key #3 name: 'big'",
      '8000004e20 key #3 value length: 20000 (0x80, then a 32-bit big-endian length)',
      `${'61'.repeat(20_000)} key #3 value: '${'a'.repeat(40)}'…(19960 more bytes)`,
      'ff 0xFF EOF: end of the data, the checksum follows',
      expect.stringMatching(/^[0-9a-f]{16} CRC-64 \(Jones\) of the 20053 bytes before it, little-endian: 0x[0-9a-f]{16}$/),
    ]);
  });

  it('formats as a hex dump with offsets, cutting long segments', () => {
    const dump = formatRdbAnnotation(annotateRdb(entries, { aux: {} }), { maxBytes: 8 });
    const lines = dump.split('\n');
    expect(lines[0]).toBe(`0x0000  ${'52 45 44 49 53'.padEnd(31)}  magic string "REDIS"`);
    expect(lines).toContain("0x0034  61 61 61 61 61 61 61 61 …+19992  key #3 value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'…(19960 more bytes)");
    expect(lines.at(-1)).toMatch(/^0x4e55  [0-9a-f ]{23} {8}  CRC-64/);
  });
});

// ---------------------------------------------------------------------------------------------------
// The files load in the real redis-server 7.0, and it rejects them once the checksum is wrong.

const hasRedis = requireToolchain('redis-server', 'Install Redis 7.0 (Debian: apt-get install redis-server) to load the RDB files in real Redis');

interface RedisServer {
  port: number;
  dir: string;
  child: ChildProcess;
  /** Everything it printed so far (its log goes to stdout). */
  output: () => string;
  /** Set once it exited. */
  exit: () => { code: number | null; signal: NodeJS.Signals | null } | undefined;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the output matches `pattern` (event-driven, with a deadline). */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
}

const servers: RedisServer[] = [];
const connections: TcpConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) {
    if (server.exit() === undefined) server.child.kill('SIGTERM');
    await server.exited;
    await rm(server.dir, { recursive: true, force: true });
  }
});

/** A port nothing listens on right now: bind port 0, read what the kernel chose, release it. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port from listen(0)');
  return address.port;
}

/** Starts redis-server on `file` (DIR/dump.rdb), as the grader starts a learner's server. */
async function startRedis(file: Buffer): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'byo-rdb-'));
  await writeFile(join(dir, 'dump.rdb'), file);
  const port = await freePort();
  // rdbcompression no: DUMP and SAVE then write strings as plain as this writer does (no LZF).
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--rdbcompression', 'no'];
  const child = spawn('redis-server', [...args, '--dir', dir, '--dbfilename', 'dump.rdb'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const watchers = new Set<() => void>();
  const onOutput = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const watcher of watchers) watcher();
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (error) => {
      output += `\n${error.message}`;
      exit = { code: null, signal: null };
      resolve(exit);
    });
    child.once('close', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const waitForOutput = (pattern: RegExp, timeoutMs = 3000): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!pattern.test(output)) return;
        watchers.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`redis-server never printed ${pattern}; it printed:\n${output}`));
      }, timeoutMs);
      watchers.add(check);
      check();
    });
  const server: RedisServer = { port, dir, child, output: () => output, exit: () => exit, exited, waitForOutput };
  servers.push(server);
  return server;
}

/** A client once redis-server answers PING (connect is polled until a deadline; -LOADING means not yet). */
async function connectWhenReady(server: RedisServer, timeoutMs = 3000): Promise<RespClient> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = server.exit();
    if (exit !== undefined) throw new Error(`redis-server exited (${exit.code ?? exit.signal}) before accepting connections:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`redis-server did not answer PING within ${timeoutMs} ms:\n${server.output()}`);
    try {
      const connection = await TcpConnection.connect({ host: '127.0.0.1', port: server.port, name: 'redis', timeoutMs: 500 });
      connections.push(connection);
      const client = new RespClient(connection, { port: server.port, timeoutMs: 2000 });
      const reply = await client.command(['PING']);
      if (reply.type === 'simple' && reply.value === 'PONG') return client;
      connection.destroy();
    } catch {
      // Not listening yet: poll again shortly, unless it exited or the deadline passed.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function bulk(reply: RespValue): Buffer {
  if (reply.type !== 'bulk') throw new Error(`expected a bulk string, got ${JSON.stringify(reply)}`);
  return reply.value;
}

function integer(reply: RespValue): number {
  if (reply.type !== 'integer') throw new Error(`expected an integer, got ${JSON.stringify(reply)}`);
  return Number(reply.value);
}

/** Sends all commands in one write and reads their replies in order. */
async function pipeline(client: RespClient, commands: (string | Buffer)[][]): Promise<RespValue[]> {
  await client.sendPipelined(commands);
  const replies: RespValue[] = [];
  for (let i = 0; i < commands.length; i++) replies.push(await client.readReply());
  return replies;
}

function bytesOf(value: string | Buffer | number): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
}

describe.skipIf(!hasRedis)('files loaded by redis-server 7.0', () => {
  it('loads every key: raw, int-encoded, binary, 20 KB, 300 keys, expiries in ms and s', async () => {
    const now = Date.now();
    const inAMinute = now + 60_000;
    const inTwoMinutesWhole = (Math.floor(now / 1000) + 120) * 1000;
    const special: RdbString[] = [
      { key: 'raw', value: 'hello world' },
      ...['0', '-1', '127', '128', '-128', '-129', '32767', '32768', '-32768', '-32769', '2147483647', '-2147483648'].map(
        (text): RdbString => ({ key: `int:${text}`, value: text }),
      ),
      ...['2147483648', '007', '-0', '+5', ''].map((text): RdbString => ({ key: `text:${text}`, value: text })),
      { key: 'number', value: 70_000 },
      { key: '12345', value: 'an int16-encoded key' },
      { key: Buffer.from('bin\r\n\0key\xff', 'latin1'), value: Buffer.from('line\r\nnul\0\x80\xff\r\n', 'latin1') },
      { key: 'k'.repeat(100), value: 'a key longer than 63 bytes' },
      { key: 'large', value: Buffer.from(Array.from({ length: 20 * 1024 }, (_, i) => (i * 7 + (i >> 8)) & 0xff)) },
      { key: 'ttl:ms', value: 'soon', expiry: { at: inAMinute, unit: 'ms' } },
      { key: 'ttl:s', value: 'later', expiry: { at: inTwoMinutesWhole, unit: 's' } },
    ];
    const gone: RdbString[] = [
      { key: 'past:ms', value: 'gone', expiry: { at: now - 10_000, unit: 'ms' } },
      { key: 'past:s', value: 'gone too', expiry: { at: (Math.floor(now / 1000) - 10) * 1000, unit: 's' } },
    ];
    const many = Array.from({ length: 300 }, (_, i): RdbString => ({ key: `key:${i}`, value: i % 2 === 0 ? i * 1000 : `value ${i}` }));
    const live = [...special, ...many];
    const file = writeRdb([...live.slice(0, 10), gone[0] as RdbString, ...live.slice(10), gone[1] as RdbString]);

    const server = await startRedis(file);
    const client = await connectWhenReady(server);
    await server.waitForOutput(/Done loading RDB/);
    expect(server.output()).toContain(`Done loading RDB, keys loaded: ${live.length}, keys expired: 2.`);

    const keys = await client.command(['KEYS', '*']);
    if (keys.type !== 'array') throw new Error(`KEYS * answered ${JSON.stringify(keys)}`);
    const hexes = (list: Buffer[]): string[] => list.map((b) => b.toString('hex')).sort();
    expect(hexes(keys.value.map(bulk))).toEqual(hexes(live.map((e) => bytesOf(e.key))));

    const values = await pipeline(client, live.map((e) => ['GET', bytesOf(e.key)]));
    for (const [i, entry] of live.entries()) {
      expect(bulk(values[i] as RespValue).equals(bytesOf(entry.value)), `GET ${bytesOf(entry.key).toString('latin1')}`).toBe(true);
    }

    const before = Date.now();
    const [pttlMs, pttlS, persistent, ...past] = await pipeline(client, [
      ['PTTL', 'ttl:ms'],
      ['PTTL', 'ttl:s'],
      ['PTTL', 'raw'],
      ['EXISTS', 'past:ms'],
      ['EXISTS', 'past:s'],
    ]);
    const after = Date.now();
    expect(integer(pttlMs as RespValue)).toBeGreaterThanOrEqual(inAMinute - after - 1);
    expect(integer(pttlMs as RespValue)).toBeLessThanOrEqual(inAMinute - before + 1);
    expect(integer(pttlS as RespValue)).toBeGreaterThanOrEqual(inTwoMinutesWhole - after - 1);
    expect(integer(pttlS as RespValue)).toBeLessThanOrEqual(inTwoMinutesWhole - before + 1);
    expect(integer(persistent as RespValue)).toBe(-1);
    expect(past.map(integer)).toEqual([0, 0]);

    // Byte-for-byte: DUMP serializes a value as redis-server writes it in an RDB (type, string, version, CRC).
    const dumps = await pipeline(client, special.map((e) => ['DUMP', bytesOf(e.key)]));
    for (const [i, entry] of special.entries()) {
      const payload = Buffer.concat([h('00'), encodeRdbString(entry.value), h('0a 00')]);
      const crc = Buffer.alloc(8);
      crc.writeBigUInt64LE(crc64(payload));
      expect(bulk(dumps[i] as RespValue).toString('hex'), `DUMP ${bytesOf(entry.key).toString('latin1')}`).toBe(
        Buffer.concat([payload, crc]).toString('hex'),
      );
    }

    // Byte-for-byte: the section redis-server SAVEs for a database equals ours (keys, expiry, encodings).
    const at = now + 3_600_000;
    const saved = await pipeline(client, [['SELECT', '1'], ['SET', '123', '007', 'PXAT', String(at)], ['SAVE']]);
    expect(saved).toEqual([{ type: 'simple', value: 'OK' }, { type: 'simple', value: 'OK' }, { type: 'simple', value: 'OK' }]);
    const theirs = checkedBody(await readFile(join(server.dir, 'dump.rdb')));
    const ours = checkedBody(writeRdb([{ key: '123', value: '007', expiry: { at, unit: 'ms' } }], { aux: {}, db: 1 }));
    const section = ours.subarray(MAGIC.length);
    expect(theirs.subarray(theirs.length - section.length).toString('hex')).toBe(section.toString('hex'));
  });

  it("loads 'raw' strings into database 3 from a version-9 file", async () => {
    const entries: RdbString[] = [
      { key: '1', value: 2 },
      { key: 'neg', value: '-129', expiry: { at: Date.now() + 60_000, unit: 'ms' } },
    ];
    const server = await startRedis(writeRdb(entries, { stringEncoding: 'raw', db: 3, version: 9 }));
    const client = await connectWhenReady(server);
    const replies = await pipeline(client, [['SELECT', '3'], ['GET', '1'], ['GET', 'neg'], ['DBSIZE']]);
    expect(replies).toEqual([
      { type: 'simple', value: 'OK' },
      { type: 'bulk', value: Buffer.from('2') },
      { type: 'bulk', value: Buffer.from('-129') },
      { type: 'integer', value: 2n },
    ]);
  });

  it('loads a file with no keys', async () => {
    const server = await startRedis(writeRdb([]));
    const client = await connectWhenReady(server);
    await server.waitForOutput(/Done loading RDB/);
    expect(server.output()).toContain('Loading RDB produced by version 7.0.15');
    expect(await client.command(['DBSIZE'])).toEqual({ type: 'integer', value: 0n });
  });

  /** The checksum a file carries, as redis-server prints it (%llx). */
  const carried = (file: Buffer): string => file.readBigUInt64LE(file.length - 8).toString(16);

  it.each([
    ['its checksum', (file: Buffer) => file.length - 1],
    ['a byte of a value', (file: Buffer) => file.indexOf('payload') + 2],
  ])('refuses to start when %s is corrupted: "Wrong RDB checksum", exit code 1', async (_what, where) => {
    const file = writeRdb([{ key: 'k', value: 'payload' }]);
    const corrupted = Buffer.from(file);
    const at = where(file);
    corrupted[at] = (corrupted[at] ?? 0) ^ 0x01;
    const server = await startRedis(corrupted);
    expect(await server.exited).toEqual({ code: 1, signal: null });
    // "expected" is the CRC redis-server computed over the bytes it read; "got" is the one the file carries.
    const computed = crc64(corrupted.subarray(0, corrupted.length - 8)).toString(16);
    expect(server.output()).toContain(`Wrong RDB checksum expected: (${computed}) but got (${carried(corrupted)}). Aborting now.`);
    expect(server.output()).toContain('RDB CRC error');
    // For an intact body, redis-server's CRC is ours: the file was only wrong where we broke it.
    if (at >= file.length - 8) expect(computed).toBe(carried(file));
  });
});

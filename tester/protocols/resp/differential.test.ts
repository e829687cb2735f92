import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeResp } from './decode.js';
import { encodeValue } from './encode.js';
import { largeBulk, respValue } from './fixture.js';
import type { RespValue } from './value.js';

/**
 * Differential test: node-redis's own parser (redis-parser 3, lenient and fast) and this strict decoder
 * must agree on every VALID value. redis-parser ships no types, hence the small interface below.
 */
interface RedisParserOptions {
  returnReply(reply: unknown): void;
  returnError(error: Error): void;
  returnFatalError?(error: Error): void;
  returnBuffers: boolean;
  stringNumbers: boolean;
}
type RedisParserClass = new (options: RedisParserOptions) => { execute(buffer: Buffer): void };
const RedisParser = createRequire(import.meta.url)('redis-parser') as RedisParserClass;

/**
 * One value in redis-parser's shape (returnBuffers + stringNumbers): the form both sides are compared in.
 * Bytes are hex strings, because deep equality walks a Buffer byte by byte and large values crawl.
 */
type Parsed = { bytes: string } | string | null | { error: string } | Parsed[];

function normalize(reply: unknown): Parsed {
  if (Buffer.isBuffer(reply)) return { bytes: reply.toString('hex') };
  if (reply === null || typeof reply === 'string') return reply;
  if (reply instanceof Error) return { error: reply.message };
  if (Array.isArray(reply)) return reply.map(normalize);
  throw new Error(`unexpected reply from redis-parser: ${String(reply)}`);
}

function expectedShape(value: RespValue): Parsed {
  switch (value.type) {
    case 'simple':
      return { bytes: Buffer.from(value.value, 'utf8').toString('hex') };
    case 'error':
      return { error: value.value };
    case 'integer':
      return String(value.value);
    case 'bulk':
      return { bytes: value.value.toString('hex') };
    case 'null-bulk':
    case 'null-array':
      return null;
    case 'array':
      return value.value.map(expectedShape);
  }
}

/** Everything redis-parser returns for `chunks` fed in order. */
function parseWithRedisParser(chunks: Buffer[]): Parsed[] {
  const replies: Parsed[] = [];
  const parser = new RedisParser({
    returnReply: (reply) => replies.push(normalize(reply)),
    returnError: (error) => replies.push(normalize(error)),
    returnFatalError: (error) => {
      throw error;
    },
    returnBuffers: true,
    stringNumbers: true,
  });
  for (const chunk of chunks) parser.execute(chunk);
  return replies;
}


describe('decodeResp agrees with redis-parser on valid RESP', () => {
  it('one value at a time', () => {
    fc.assert(
      fc.property(respValue, (value) => {
        const encoded = encodeValue(value);
        const ours = decodeResp(encoded);
        if (!ours.ok) throw new Error(`rejected valid RESP: ${JSON.stringify(ours)}`);
        expect(ours.consumed).toBe(encoded.length);
        expect(parseWithRedisParser([encoded])).toEqual([expectedShape(ours.value)]);
      }),
      { numRuns: 1000 },
    );
  });

  /** Decodes `stream` value by value with decodeResp, and feeds it to redis-parser cut at `cuts`. */
  function expectSameStream(values: RespValue[], cuts: number[]): void {
    const stream = Buffer.concat(values.map(encodeValue));
    const ours: Parsed[] = [];
    for (let rest = stream; rest.length > 0; ) {
      const result = decodeResp(rest);
      if (!result.ok) throw new Error(`rejected valid RESP: ${JSON.stringify(result)}`);
      ours.push(expectedShape(result.value));
      rest = rest.subarray(result.consumed);
    }
    const offsets = [...new Set(cuts.map((cut) => cut % stream.length))].sort((a, b) => a - b);
    const chunks = [0, ...offsets].map((start, i) => stream.subarray(start, offsets[i] ?? stream.length)).filter((c) => c.length > 0);
    expect(parseWithRedisParser(chunks)).toEqual(ours);
  }

  it('a stream of values cut at random points', () => {
    fc.assert(
      fc.property(fc.array(respValue, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 5 }), expectSameStream),
      { numRuns: 500 },
    );
  });

  it('large bulk strings, alone and in arrays, cut at random points', () => {
    const large = fc.oneof(largeBulk, fc.array(fc.oneof(largeBulk, respValue), { minLength: 1, maxLength: 3 }).map((value): RespValue => ({ type: 'array', value })));
    fc.assert(fc.property(fc.array(large, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 8 }), expectSameStream), { numRuns: 30 });
  });
});

/**
 * What the pub/sub stages (SUBSCRIBE … slow-subscriber) share: random channels, the shapes of the
 * pushed arrays, and reading a message that arrives without a request.
 */
import net from 'node:net';
import { countBytes, escapeBytes } from '../../../tester/expect/escape-bytes.js';
import type { StageContext } from '../../../tester/harness/context.js';
import type { Logger } from '../../../tester/harness/log.js';
import { StageFailure } from '../../../tester/harness/errors.js';
import { decodeResp } from '../../../tester/protocols/resp/decode.js';
import { mismatch } from '../../../tester/protocols/resp/describe.js';
import { encodeCommand } from '../../../tester/protocols/resp/encode.js';
import { redisCliCommand } from '../../../tester/protocols/resp/redis-cli.js';
import { type RespValue, formatValue, quoteBytes } from '../../../tester/protocols/resp/value.js';
import { type RedisTestClient, type RespExpectation, array, bulk, integer, nullBulk } from './redis.js';

/** `news:mango:4821`: channels look like the keys of the other stages, with a topic in front. */
export function randomChannel(t: StageContext, topic = 'news'): string {
  return `${topic}:${t.random.word()}:${t.random.int(1000, 9999)}`;
}

/** SUBSCRIBE's confirmation for one channel: `*3 $9 subscribe $N channel :count`. */
export function subscribed(channel: string, count: number): RespExpectation {
  return array([bulk('subscribe'), bulk(channel), integer(count)]);
}

/** UNSUBSCRIBE's confirmation for one channel (null when nothing was subscribed): `*3 $11 unsubscribe $N channel :count`. */
export function unsubscribed(channel: string | null, count: number): RespExpectation {
  return array([bulk('unsubscribe'), channel === null ? nullBulk() : bulk(channel), integer(count)]);
}

/** A published message as a subscriber receives it: `*3 $7 message $N channel $M payload`. */
export function message(channel: string, payload: string | Buffer): RespExpectation {
  return array([bulk('message'), bulk(channel), bulk(payload)]);
}

/** A bulk string equal to one of `values`: a channel from a set whose order Redis does not define. */
export function bulkOneOf(values: string[]): RespExpectation {
  const expected = `bulk string ${values.map((value) => quoteBytes(value)).join(' or ')}`;
  const wanted = values.map((value) => Buffer.from(value));
  return {
    expected,
    check(actual) {
      if (actual.type === 'bulk' && wanted.some((value) => value.equals(actual.value))) return undefined;
      return mismatch(expected, actual);
    },
  };
}

export const SUBSCRIBE_HINT =
  'SUBSCRIBE answers one array per channel, in the order given: *3\\r\\n$9\\r\\nsubscribe\\r\\n$<len>\\r\\n<channel>\\r\\n:<count>\\r\\n, ' +
  'where count is how many channels THIS connection is subscribed to now (keep a set of channels per connection).';

/**
 * `SUBSCRIBE channels...` and its confirmations, one per channel, with the connection's channel count
 * going `counts[0]`, `counts[1]`, ...; nothing may follow them.
 */
export async function subscribe(client: RedisTestClient, channels: string[], counts: number[], hint = SUBSCRIBE_HINT): Promise<void> {
  const command = ['SUBSCRIBE', ...channels];
  if (channels.length === 1) {
    await client.expectReply(command, subscribed(channels[0] ?? '', counts[0] ?? 0), { hint });
    return;
  }
  await client.send(command);
  for (const [i, channel] of channels.entries()) {
    const context = `${command.join(' ')} (confirmation ${i + 1} of ${channels.length}, for ${channel})`;
    const reply = await client.readReply({ context, hint, timeoutMs: 2000 });
    client.expectValue(reply, subscribed(channel, counts[i] ?? 0), context, hint);
  }
  client.expectNoUnreadBytes();
}

/**
 * The next thing `client` receives must be this message on `channel`. Call it after PUBLISH answered:
 * by then the server has written the message, so it is already on its way.
 */
export async function expectMessage(
  client: RedisTestClient,
  channel: string,
  payload: string | Buffer,
  options: { hint?: string; after?: string } = {},
): Promise<void> {
  const context = `a message pushed on ${channel}${options.after ? ` (after ${options.after})` : ''}`;
  const hint =
    options.hint ??
    'PUBLISH must write *3\\r\\n$7\\r\\nmessage\\r\\n$<len>\\r\\n<channel>\\r\\n$<len>\\r\\n<payload>\\r\\n to every connection ' +
      'subscribed to the channel before it answers the publisher.';
  const reply = await client.readReply({ context, hint, timeoutMs: 2000 });
  client.expectValue(reply, message(channel, payload), context, hint);
}

/**
 * Fails unless `client` has received nothing more and is still connected. Call it after making progress
 * on another connection, so that anything stray has had every chance to arrive first.
 */
export async function expectQuiet(t: StageContext, client: RedisTestClient, what: string, hint: string): Promise<void> {
  // Let socket events already queued behind the progress just made reach the connection's buffer.
  await new Promise((resolve) => setImmediate(resolve));
  const bytes = client.connection.unreadBytes();
  if (bytes.length > 0) {
    const decoded = decodeResp(bytes);
    const shown = decoded.ok ? `\nAs redis-cli shows it: ${formatValue(decoded.value).replace(/\n/g, '\n  ')}` : '';
    throw new StageFailure(`${client.name} ${what}, so it must receive nothing, but ${countBytes(bytes.length)} arrived: ${escapeBytes(bytes)}${shown}`, {
      hint,
    });
  }
  if (!client.connection.isOpen()) {
    throw new StageFailure(`${client.name} ${what}, and its connection must stay open, but your program closed it.`, { hint });
  }
  t.log.child(client.name).info('  (nothing received, connection open, as it should be)');
}

/**
 * A subscriber that stops reading (slow-subscriber): a bare socket, because the grader's connections
 * always read. Once paused, Node leaves the bytes in the kernel, whose buffers fill, and the server's
 * writes to this connection pile up on its side; `resume()` and `next()` read them later, one value
 * at a time. It may belong in tester/protocols/tcp as a `pause()` on TcpConnection.
 */
export class StalledSubscriber {
  private buffer: Buffer = Buffer.alloc(0);
  private ended: 'eof' | 'reset' | undefined;
  private wake: (() => void) | undefined;

  private constructor(
    readonly name: string,
    private readonly socket: net.Socket,
    private readonly log: Logger,
    private readonly port: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.notify();
    });
    socket.on('end', () => this.close('eof'));
    socket.on('error', () => this.close('reset'));
    socket.on('close', () => this.close('reset'));
  }

  static async open(t: StageContext, name: string): Promise<StalledSubscriber> {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.createConnection({ host: t.host, port: t.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new StageFailure(`${name} could not connect to port ${t.port} within 2000 ms.`));
      }, 2000);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (error) => {
        clearTimeout(timer);
        reject(new StageFailure(`${name} could not connect to port ${t.port}: ${error.message}`));
      });
    });
    t.teardown.defer(() => socket.destroy());
    socket.setNoDelay(true);
    return new StalledSubscriber(name, socket, t.log.child(name), t.port);
  }

  /** `SUBSCRIBE channel` and its confirmation (count 1), then the socket stops reading. */
  async subscribeAndStopReading(channel: string): Promise<void> {
    const command = ['SUBSCRIBE', channel];
    this.log.info(`$ ${redisCliCommand(command, { port: this.port })}`);
    this.socket.write(encodeCommand(command));
    const reply = await this.next(2000, `a reply to \`SUBSCRIBE ${channel}\``);
    if (reply === 'closed') throw new StageFailure(`${this.name}: your program closed the connection instead of answering \`SUBSCRIBE ${channel}\`.`);
    if (reply === 'timeout') throw new StageFailure(`${this.name} sent \`SUBSCRIBE ${channel}\` and got no complete reply within 2000 ms.`, { hint: SUBSCRIBE_HINT });
    this.log.info(`← ${formatValue(reply).replace(/\n/g, '\n  ')}`);
    const wrong = subscribed(channel, 1).check(reply);
    if (wrong) throw new StageFailure(`${wrong.message}\nReply to: SUBSCRIBE ${channel}`, { hint: wrong.hint ?? SUBSCRIBE_HINT });
    this.socket.pause();
    this.log.info('  (stops reading now: what the server sends it stays unread, its socket buffers fill up)');
  }

  /** Starts reading again. */
  resume(): void {
    this.log.info('  (starts reading again)');
    this.socket.resume();
  }

  /** Sends one command (after `resume()`); its reply comes after everything queued before it. */
  send(command: string[]): void {
    this.log.info(`$ ${redisCliCommand(command, { port: this.port })}`);
    if (this.ended === undefined) this.socket.write(encodeCommand(command), () => undefined);
  }

  /** Bytes received and not decoded yet. */
  get unread(): number {
    return this.buffer.length;
  }

  /** The next value; 'closed' once the connection has closed and no complete value is left; 'timeout' after `timeoutMs`. */
  async next(timeoutMs: number, what: string): Promise<RespValue | 'closed' | 'timeout'> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = decodeResp(this.buffer);
      if (result.ok) {
        this.buffer = this.buffer.subarray(result.consumed);
        return result.value;
      }
      if (result.kind === 'invalid') {
        throw new StageFailure(`${this.name} received bytes that are not RESP while waiting for ${what}: ${result.message}\nReceived: ${escapeBytes(this.buffer)}`);
      }
      // A close may cut the last value short (the server gave up mid-write): `unread` still holds those bytes.
      if (this.ended) return 'closed';
      const left = deadline - Date.now();
      if (left <= 0) return 'timeout';
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private close(how: 'eof' | 'reset'): void {
    this.ended ??= how;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

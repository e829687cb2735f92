import type { StageContext } from '../../../tester/harness/context.js';
import { countBytes } from '../../../tester/expect/escape-bytes.js';
import { StageFailure } from '../../../tester/harness/errors.js';
import { defineStage } from '../../../tester/harness/stage.js';
import { StalledSubscriber, randomChannel, subscribe } from '../lib/pubsub.js';
import { RedisTestClient, type RespValue } from '../lib/redis.js';

/** Messages published, and the size of each payload: 3,000 × 4 KiB ≈ 12 MiB, three times what a socket's kernel buffers hold, so a server that blocks only after a deep queue still stalls. */
const COUNT = 3000;
const SIZE = 4096;
/** PUBLISH commands per write (pipelined), so that 3,000 of them take a fraction of a second. */
const BATCH = 50;
/** All 3,000 PUBLISHes must be answered within this; redis-server needs a few hundred ms. */
const PUBLISH_BUDGET_MS = 5000;
/** After the last PUBLISH answered, the reading subscriber must have every message within this. */
const FAST_GRACE_MS = 2000;
/** The stalled subscriber's whole backlog must arrive within this once it reads again. */
const DRAIN_MS = 5000;
/** A server may disconnect a subscriber that does not read, but not before it has this much unsent output. */
const MIN_BOUND = 1024 * 1024;

const MiB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const STALL_HINT =
  'PUBLISH must never wait for a subscriber. Go: conn.Write blocks once the subscriber stops reading and its socket buffers ' +
  'are full, so do not write to subscribers from the publisher\'s goroutine: give each subscribed connection its own writer ' +
  'goroutine fed by a queue (a buffered channel, or a slice under a mutex), and close the connection when its queue grows ' +
  'past your bound (at least 1 MiB). Node: socket.write() never blocks (it buffers); do not await "drain" or the write ' +
  'callback before answering PUBLISH.';

const SKIP_HINT =
  'A subscriber must receive every message, in order, from the moment it subscribed: never drop a message because its ' +
  'connection is slow (Go: no `select { case ch <- msg: default: }` that throws messages away). When a subscriber falls too far ' +
  'behind, close its connection instead: it then knows it lost messages.';

/** Payload i: `#00001 ` and random bytes (binary), cut from one random pool at a random offset. */
function payloads(t: StageContext): (i: number) => Buffer {
  const pool = t.random.bytes(64 * 1024);
  const body = SIZE - 7;
  const offsets = Array.from({ length: COUNT }, () => t.random.int(0, pool.length - body));
  return (i) => Buffer.concat([Buffer.from(`#${String(i + 1).padStart(5, '0')} `), pool.subarray(offsets[i], (offsets[i] ?? 0) + body)]);
}

/** What a received value is, in words: `message #12`, or why it is not one of ours. */
function whatIs(value: RespValue, channel: string, payload: (i: number) => Buffer): { seq?: number; words: string } {
  const parts = value.type === 'array' ? value.value : [];
  const [kind, name, data] = parts;
  if (parts.length !== 3 || kind?.type !== 'bulk' || kind.value.toString() !== 'message' || name?.type !== 'bulk' || data?.type !== 'bulk') {
    return { words: `something that is not a message (*3 message <channel> <payload>): ${value.type}` };
  }
  if (name.value.toString() !== channel) return { words: `a message on channel ${JSON.stringify(name.value.toString())}` };
  const match = /^#(\d{5}) /.exec(data.value.subarray(0, 7).toString('latin1'));
  const seq = match ? Number(match[1]) : undefined;
  if (seq === undefined || seq < 1 || seq > COUNT) return { words: `a message with a payload the publisher never sent (${data.value.length} bytes)` };
  if (!data.value.equals(payload(seq - 1))) return { seq: -1, words: `message #${seq} with its payload changed (${data.value.length} bytes, ${SIZE} sent)` };
  return { seq, words: `message #${seq}` };
}

export default defineStage({
  slug: 'slow-subscriber',
  title: 'A subscriber that does not read',
  async run(t) {
    await t.startProgram();
    const channel = randomChannel(t, 'ticks');
    const payload = payloads(t);

    const slow = await StalledSubscriber.open(t, 'slow-subscriber');
    await slow.subscribeAndStopReading(channel);
    const fast = await RedisTestClient.open(t, 'fast-subscriber', { quiet: true });
    t.log.child('fast-subscriber').info(`$ redis-cli -p ${t.port} SUBSCRIBE ${channel}    (reads every message as it comes)`);
    await subscribe(fast, [channel], [1]);
    const publisher = await RedisTestClient.open(t, 'publisher', { quiet: true });

    t.log.info(`publisher: ${COUNT} PUBLISH ${channel} of ${SIZE} bytes each (${MiB(COUNT * SIZE)}), ${BATCH} per write; every reply must arrive within ${PUBLISH_BUDGET_MS} ms in all.`);
    const started = Date.now();
    const deadline = started + PUBLISH_BUDGET_MS;
    const counts: number[] = [];
    const stalled = (during: string, cause?: unknown): StageFailure => {
      const detail = cause instanceof StageFailure ? `\n${cause.message}` : '';
      return new StageFailure(
        `The publisher was stalled by a subscriber that is not reading: ${counts.length} of ${COUNT} PUBLISHes were answered ` +
          `after ${Date.now() - started} ms, and the server stopped ${during}. slow-subscriber subscribed to ${channel} and reads nothing; ` +
          `messages to it must wait in the server's memory (or it gets disconnected), never hold up PUBLISH.${detail}`,
        { hint: STALL_HINT },
      );
    };

    const publishing = (async () => {
      for (let first = 0; first < COUNT; first += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, COUNT - first) }, (_, k) => first + k);
        const writing = publisher.sendPipelined(batch.map((i) => ['PUBLISH', channel, payload(i)]));
        writing.catch(() => undefined);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), Math.max(1, deadline - Date.now()));
        });
        const written = await Promise.race([writing.then(() => 'written' as const), late]);
        clearTimeout(timer);
        if (written === 'late') throw stalled('reading the publisher\'s commands');
        for (const i of batch) {
          let reply: RespValue;
          try {
            reply = await publisher.readReply({ timeoutMs: Math.max(1, deadline - Date.now()), context: `PUBLISH #${i + 1} of ${COUNT}` });
          } catch (error) {
            throw stalled('answering PUBLISH', error);
          }
          const previous = counts.at(-1) ?? 2;
          if (reply.type !== 'integer' || reply.value < 1n || reply.value > BigInt(previous)) {
            const shown = reply.type === 'integer' ? `:${reply.value}` : reply.type;
            throw new StageFailure(
              `PUBLISH #${i + 1} of ${COUNT} got ${shown}; expected the number of receivers: 2 (both subscribers), or 1 once your ` +
                `server has disconnected slow-subscriber${previous === 1 ? ' (it did: the previous PUBLISH counted 1, and a disconnected subscriber does not come back)' : ''}.`,
              { hint: 'A subscriber that does not read is still subscribed, and still counts, until your server disconnects it.' },
            );
          }
          counts.push(Number(reply.value));
        }
      }
      const twos = counts.filter((n) => n === 2).length;
      t.log.child('publisher').info(
        `all ${COUNT} PUBLISHes answered in ${Date.now() - started} ms; receivers: 2 for ${twos}` + (twos < COUNT ? `, then 1 for ${COUNT - twos}` : '') + '.',
      );
    })();

    const reading = (async () => {
      for (let i = 0; i < COUNT; i++) {
        const limit = deadline + FAST_GRACE_MS - Date.now();
        const context = `message #${i + 1} of ${COUNT} on ${channel}`;
        let reply: RespValue;
        try {
          reply = await fast.readReply({ timeoutMs: Math.max(1, limit), context, hint: STALL_HINT });
        } catch (error) {
          if (fast.connection.isOpen()) throw error;
          throw new StageFailure(
            `fast-subscriber reads every message as soon as it arrives, but your server closed its connection after ${i} of ${COUNT} messages. ` +
              `Only a subscriber that falls far behind (more than ${MiB(MIN_BOUND)} of messages waiting for it) may be disconnected.`,
            { hint: 'Measure a subscriber\'s backlog as the bytes queued for it and not yet written to its socket, and allow at least 1 MiB.' },
          );
        }
        const got = whatIs(reply, channel, payload);
        if (got.seq !== i + 1) {
          throw new StageFailure(
            `fast-subscriber reads every message as it comes, and expected ${context}; it got ${got.words}` +
              (got.seq !== undefined && got.seq > i + 1 ? `: messages #${i + 1} to #${got.seq - 1} were skipped.` : '.'),
            { hint: SKIP_HINT },
          );
        }
      }
      t.log.child('fast-subscriber').info(`received all ${COUNT} messages, in order, ${Date.now() - started} ms after the first PUBLISH.`);
    })();

    await Promise.all([publishing, reading]);

    // Every PUBLISH has been answered: whatever slow-subscriber will ever get is queued for it by now.
    const log = t.log.child('slow-subscriber');
    const draining = Date.now();
    slow.resume();
    let received = 0;
    let closed = false;
    const next = async (what: string): Promise<RespValue | 'closed'> => {
      const value = await slow.next(Math.max(1, draining + DRAIN_MS - Date.now()), what);
      if (value !== 'timeout') return value;
      throw new StageFailure(
        `slow-subscriber, reading again, received ${received === 0 ? 'no message' : `messages #1 to #${received} in order`}, then nothing more ` +
          `for ${DRAIN_MS} ms, and the connection stayed open: ${received < COUNT ? `messages #${received + 1} to #${COUNT} were never delivered` : `the reply to PING never came`}. ` +
          'Deliver every message, or close the connection of a subscriber you give up on.',
        { hint: SKIP_HINT },
      );
    };
    while (received < COUNT) {
      const value = await next(`message #${received + 1}`);
      if (value === 'closed') {
        closed = true;
        break;
      }
      const got = whatIs(value, channel, payload);
      if (got.seq !== received + 1) {
        const skipped = got.seq !== undefined && got.seq > received + 1 ? `: messages #${received + 1} to #${got.seq - 1} were skipped` : '';
        throw new StageFailure(
          `slow-subscriber, reading again, received ${received === 0 ? 'as its first message' : `message #${received}, then`} ${got.words}${skipped}. ` +
            'A subscriber must get every message in order; a server that gives up on it must close the connection instead.',
          { hint: SKIP_HINT },
        );
      }
      received++;
    }
    const bytes = received * SIZE;
    if (!closed) {
      // Nothing may follow the last message: PING's reply must come next (or the close, if the server gives up on it now).
      slow.send(['PING']);
      const value = await next('the reply to PING');
      if (value === 'closed') {
        closed = true;
      } else if (!(value.type === 'array' && value.value[0]?.type === 'bulk' && value.value[0].value.toString() === 'pong')) {
        throw new StageFailure(
          `slow-subscriber received all ${COUNT} messages, then sent PING; the next thing it received must be the reply to PING, but it was ${whatIs(value, channel, payload).words}.`,
          { hint: 'Each published message is delivered once: no duplicates, nothing after the last one.' },
        );
      }
    }
    const took = `${Date.now() - draining} ms after it read again`;
    if (!closed) {
      log.info(`received all ${COUNT} messages in order (${MiB(bytes)}), then the reply to PING, ${took}.`);
    } else {
      if (bytes < MIN_BOUND) {
        throw new StageFailure(
          `Your server closed slow-subscriber's connection after it had received only ${received} messages (${MiB(bytes)}). ` +
            `A server may disconnect a subscriber that does not read, but only once more than ${MiB(MIN_BOUND)} of messages wait for it.`,
          { hint: 'Let each subscriber\'s queue hold at least 1 MiB before you give up on it (redis-server allows 32 MiB).' },
        );
      }
      const cut = slow.unread > 0 ? ` (and ${countBytes(slow.unread)} of the next one)` : '';
      log.info(
        `received messages #1 to #${received} in order (${MiB(bytes)})${cut}, then your server closed the connection, ${took}: ` +
          'a server may disconnect a subscriber that falls too far behind.',
      );
    }
    const miscounted = counts.findIndex((n, i) => i < received && n !== 2);
    if (miscounted >= 0) {
      throw new StageFailure(
        `PUBLISH #${miscounted + 1} answered :1, but slow-subscriber received that message: it was a receiver, so the count is 2.`,
        { hint: 'PUBLISH counts every subscriber the message is queued for, whether or not it has read it yet.' },
      );
    }
  },
});

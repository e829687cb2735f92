/**
 * What the list stages (RPUSH … BLPOP) share: random keys, list-shaped expectations, and the check that a
 * client blocked in BLPOP has received nothing yet.
 */
import { countBytes, escapeBytes } from '../../../tester/expect/escape-bytes.js';
import type { StageContext } from '../../../tester/harness/context.js';
import { StageFailure } from '../../../tester/harness/errors.js';
import { decodeResp } from '../../../tester/protocols/resp/decode.js';
import { redisCliCommand } from '../../../tester/protocols/resp/redis-cli.js';
import { formatValue } from '../../../tester/protocols/resp/value.js';
import { type RedisTestClient, type RespExpectation, array, bulk } from './redis.js';

/** `mango:4821`, with an optional tag (`mango:4821:left`) when a stage needs several related keys. */
export function randomKey(t: StageContext, tag?: string): string {
  const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
  return tag ? `${key}:${tag}` : key;
}

/** `count` values, mostly single words, with one holding a space (`"kiwi lime"`): list values are binary-safe strings. */
export function randomValues(t: StageContext, count: number): string[] {
  const values = t.random.words(count);
  if (count >= 2) {
    const i = t.random.int(0, count - 1);
    values[i] = `${values[i]} ${t.random.word()}`;
  }
  return values;
}

/** The reply to LRANGE (or LPOP with a count): these elements, in this order. */
export function listOf(values: (string | Buffer)[]): RespExpectation {
  return array(values.map((value) => bulk(value)));
}

/** BLPOP's reply: `*2`, the key the element came from, then the element. */
export function popped(key: string, value: string | Buffer): RespExpectation {
  return array([bulk(key), bulk(value)]);
}

/**
 * Fails unless `client`, which sent `command` (a BLPOP) and has not been answered, has still received
 * nothing and is still connected. Call it after making progress on another connection (its replies
 * arrived), so that a premature reply has had every chance to arrive first. `reproduce` replaces the
 * replay line when the command was sent with others in one write.
 */
export async function expectStillBlocked(
  t: StageContext,
  client: RedisTestClient,
  command: string[],
  hint: string,
  options: { reproduce?: string } = {},
): Promise<void> {
  // Let socket events already queued behind the progress we just made reach the connection's buffer.
  await new Promise((resolve) => setImmediate(resolve));
  const label = command.join(' ');
  const reproduce = options.reproduce ?? redisCliCommand(command, { port: t.port });
  const bytes = client.connection.unreadBytes();
  if (bytes.length > 0) {
    const decoded = decodeResp(bytes);
    const shown = decoded.ok ? `\nAs redis-cli shows it:\n${formatValue(decoded.value).replace(/^/gm, '  ')}` : '';
    throw new StageFailure(
      `${client.name} sent \`${label}\`, which must block: no reply at all until an element arrives or the timeout ends. ` +
        `But ${countBytes(bytes.length)} arrived: ${escapeBytes(bytes)}${shown}`,
      { reproduce, hint },
    );
  }
  if (!client.connection.isOpen()) {
    throw new StageFailure(
      `${client.name} sent \`${label}\`, which must block with the connection open, but your program closed the connection.`,
      { reproduce, hint },
    );
  }
  t.log.child(client.name).info(`  (no reply to \`${label}\` so far: still blocked, as it should be)`);
}

/**
 * Fails if `client` has received anything after its last reply: a stray reply, such as a BLPOP that timed
 * out and yet was "woken" later. Call it after making progress on another connection.
 */
export async function expectNoStrayReply(client: RedisTestClient, hint: string): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  try {
    client.expectNoUnreadBytes();
  } catch (error) {
    if (error instanceof StageFailure) error.hint = hint;
    throw error;
  }
}

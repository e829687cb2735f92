/**
 * What the transaction stages (MULTI … UNWATCH) share: random keys, the `+QUEUED` reply, and a whole
 * MULTI … EXEC round trip in one call.
 */
import type { StageContext } from '../../../tester/harness/context.js';
import { type RedisTestClient, type RespExpectation, simpleString } from './redis.js';

/** `mango:4821`, or `mango:4821:tag` when a stage needs several related keys. */
export function randomKey(t: StageContext, tag?: string): string {
  const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
  return tag ? `${key}:${tag}` : key;
}

export const QUEUED_HINT =
  'Between MULTI and EXEC a known command with the right number of arguments is not run: store it in the ' +
  "connection's queue and answer +QUEUED\\r\\n (a simple string). Keep the queue per connection (Go: a field of " +
  'your per-connection struct; Node: a property kept next to the socket), never in a global.';

/** The reply to a command sent inside MULTI. */
export function queued(): RespExpectation {
  return simpleString('QUEUED');
}

/**
 * MULTI, each command (expecting `+QUEUED`), then EXEC expecting `result` (an array of the commands'
 * own replies, or a null array when a watched key changed). Each step after the previous reply.
 */
export async function transaction(
  client: RedisTestClient,
  commands: string[][],
  result: RespExpectation,
  hints: { exec?: string; queued?: string } = {},
): Promise<void> {
  await client.expectReply(['MULTI'], simpleString('OK'), { hint: 'MULTI starts a transaction on this connection and answers +OK\\r\\n.' });
  for (const command of commands) await client.expectReply(command, queued(), { hint: hints.queued ?? QUEUED_HINT });
  await client.expectReply(['EXEC'], result, { hint: hints.exec });
}

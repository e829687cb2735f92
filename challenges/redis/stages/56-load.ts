import { StageFailure } from '../../../tester/harness/errors.js';
import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, integer, integerBetween, simpleString, type RespExpectation, type RespValue } from '../lib/redis.js';

const CLIENTS = 100;
const COMMANDS_PER_CLIENT = 1000;
/** Commands per write: a pipeline deep enough to need buffered parsing and batched replies. */
const BATCH = 100;
/** Generous: redis-server needs ~0.3 s here, the references 1–2 s; a server that serializes clients needs far more. */
const DEADLINE_MS = 10_000;

/** One command and the check of its reply; `shared` INCR replies are collected, not compared one by one. */
interface Step {
  command: string[];
  expected: RespExpectation | 'shared-counter';
}

/**
 * A client's 1,000 commands on its own keys (so every reply is known in advance), plus an INCR of one shared
 * counter every fifth command: its replies must be distinct across all clients, which only an atomic INCR gives.
 */
function script(client: number, prefix: string, shared: string, word: () => string): Step[] {
  const steps: Step[] = [];
  const key = `${prefix}:c${client}`;
  let counter = 0n;
  let length = 0;
  let value = '';
  for (let i = 0; steps.length < COMMANDS_PER_CLIENT; i++) {
    switch (i % 5) {
      case 0:
        value = `${word()}-${i}`;
        steps.push({ command: ['SET', `${key}:s`, value], expected: simpleString('OK') });
        break;
      case 1:
        steps.push({ command: ['GET', `${key}:s`], expected: bulk(value) });
        break;
      case 2:
        counter += 1n;
        steps.push({ command: ['INCR', `${key}:n`], expected: integer(counter) });
        break;
      case 3:
        length += 1;
        steps.push({ command: ['RPUSH', `${key}:l`, String(i)], expected: integer(length) });
        break;
      default:
        steps.push({ command: ['INCR', shared], expected: 'shared-counter' });
    }
  }
  return steps;
}

export default defineStage({
  slug: 'load',
  title: 'Under load',
  async run(t) {
    await t.startProgram();
    const prefix = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const shared = `${prefix}:shared`;
    const scripts = Array.from({ length: CLIENTS }, (_, c) => script(c, prefix, shared, () => t.random.word()));
    const sharedTotal = scripts.flat().filter((step) => step.expected === 'shared-counter').length;
    const seen = new Set<bigint>();
    t.log.info(`${CLIENTS} connections, ${COMMANDS_PER_CLIENT} commands each (SET, GET, INCR, RPUSH on their own keys, INCR ${shared}), ${BATCH} per write.`);
    const clients: RedisTestClient[] = [];
    for (let c = 0; c < CLIENTS; c++) clients.push(await RedisTestClient.open(t, `client-${c + 1}`, { quiet: true }));

    const startedAt = Date.now();
    const deadline = startedAt + DEADLINE_MS;
    const hint =
      'Every connection must be served at once and every pipelined command answered, in order. Parse all complete commands of a read, ' +
      'write their replies in one go (Go: bufio.Writer, Flush once per read; Node: one socket.write per read), and make INCR atomic across connections.';
    const drive = async (client: RedisTestClient, steps: Step[]): Promise<void> => {
      let last = 0n;
      for (let from = 0; from < steps.length; from += BATCH) {
        const batch = steps.slice(from, from + BATCH);
        await client.sendPipelined(batch.map((step) => step.command));
        for (const step of batch) {
          const label = step.command.join(' ');
          const timeoutMs = Math.max(1, deadline - Date.now());
          let reply: RespValue;
          try {
            reply = await client.readReply({ timeoutMs, context: label, hint });
          } catch (error) {
            if (error instanceof StageFailure) error.message = `${client.name}: ${error.message}`;
            throw error;
          }
          if (step.expected !== 'shared-counter') {
            client.expectValue(reply, step.expected, `${client.name}: ${label}`, hint);
            continue;
          }
          client.expectValue(reply, integerBetween(last + 1n, sharedTotal), `${client.name}: ${label} (each INCR sees a larger value than this client's previous one)`, hint);
          if (reply.type === 'integer') {
            if (seen.has(reply.value)) {
              throw new StageFailure(`Two INCR ${shared} got the same reply ${reply.value}: an increment was lost.`, {
                hint: 'INCR must read, add and store as one step: hold the keyspace lock for the whole command (Go: sync.Mutex around it).',
              });
            }
            seen.add(reply.value);
            last = reply.value;
          }
        }
      }
    };
    await Promise.all(clients.map((client, c) => drive(client, scripts[c] ?? [])));
    const elapsed = Date.now() - startedAt;
    const total = CLIENTS * COMMANDS_PER_CLIENT;
    t.log.info(`${total.toLocaleString('en-US')} replies checked in ${elapsed} ms: ${Math.round((total / Math.max(elapsed, 1)) * 1000).toLocaleString('en-US')} commands/s.`);
    await clients[0]?.expectReply(['GET', shared], bulk(String(sharedTotal)), {
      hint: `${sharedTotal} INCRs of one key from ${CLIENTS} connections must add up exactly.`,
    });
  },
});

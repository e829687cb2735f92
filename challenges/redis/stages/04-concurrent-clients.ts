import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'concurrent-clients',
  title: 'Handle concurrent clients',
  async run(t) {
    await t.startProgram();
    const clients = [];
    for (let i = 1; i <= 3; i++) clients.push(await RedisTestClient.open(t, `client-${i}`));
    const hint =
      'client-1 connected first and is still open. A server that serves one client at a time is still busy with it: ' +
      'handle each connection concurrently (a goroutine per connection, or node:net events).';
    // client-1 stays silent while the others speak first.
    const order = [clients[2], clients[1], clients[0], clients[2], clients[1], clients[0]];
    for (const client of order.slice(0, 4 + t.random.int(0, 2))) {
      if (client) await client.expectReply(['PING'], simpleString('PONG'), { timeoutMs: 3000, hint });
    }
  },
});

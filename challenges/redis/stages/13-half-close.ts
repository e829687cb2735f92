import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'half-close',
  title: 'A client that half-closes',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const value = t.random.word();
    await redis.sendPipelined([
      ['SET', key, value],
      ['GET', key],
    ]);
    t.log.info('Half-closing the connection (FIN): the grader sends nothing more, but still reads.');
    redis.halfClose();
    const hint =
      'Reading end-of-stream means the client sends no more commands, not that it stopped listening. ' +
      'Answer every command already received, then close (Go: finish the loop before conn.Close(); Node: socket.end(), not destroy()).';
    redis.expectValue(await redis.readReply({ hint, context: `SET ${key} ${value}` }), simpleString('OK'), `SET ${key} ${value}`, hint);
    redis.expectValue(await redis.readReply({ hint, context: `GET ${key}` }), bulk(value), `GET ${key}`, hint);
    await redis.expectClosed('the connection to close after the replies to a half-closed client', 2000);
  },
});

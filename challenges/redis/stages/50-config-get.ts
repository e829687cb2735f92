import { realpath } from 'node:fs/promises';
import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, array, bulk } from '../lib/redis.js';

export default defineStage({
  slug: 'config-get',
  title: 'CONFIG GET dir and dbfilename',
  async run(t) {
    // Redis reports the directory it changed into (getcwd), so symlinks in the temp path are resolved.
    const dir = await realpath(await t.tempDir());
    const dbfilename = `${t.random.word()}-${t.random.int(100, 999)}.rdb`;
    t.log.info(`The directory exists and is empty: ${dbfilename} is not there, so the server starts with no keys.`);
    await t.startProgram({ args: ['--dir', dir, '--dbfilename', dbfilename] });
    const redis = await RedisTestClient.open(t);
    const config = t.random.pick(['CONFIG', 'config', 'Config']);
    const get = t.random.pick(['GET', 'get', 'Get']);
    const hint =
      'CONFIG GET answers an array of name/value pairs: *2\\r\\n, the parameter name as a bulk string, then its value. ' +
      'Read --dir and --dbfilename from your command line (any order, next to --port).';
    for (const [name, value] of t.random.shuffle([
      ['dir', dir],
      ['dbfilename', dbfilename],
    ])) {
      await redis.expectReply([config, get, name ?? ''], array([bulk(name ?? ''), bulk(value ?? '')]), { hint });
    }
  },
});

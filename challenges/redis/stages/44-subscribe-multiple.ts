import { defineStage } from '../../../tester/harness/stage.js';
import { randomChannel, subscribe } from '../lib/pubsub.js';
import { RedisTestClient } from '../lib/redis.js';

export default defineStage({
  slug: 'subscribe-multiple',
  title: 'SUBSCRIBE to several channels',
  async run(t) {
    await t.startProgram();
    const a = await RedisTestClient.open(t, 'client-a');
    const b = await RedisTestClient.open(t, 'client-b');
    const topics = t.random.shuffle(['news', 'sports', 'weather', 'music', 'jobs']);
    const [c1, c2, c3, c4, c5] = topics.map((topic) => randomChannel(t, topic)) as [string, string, string, string, string];

    await subscribe(a, [c1, c2, c3], [1, 2, 3], (
      'SUBSCRIBE with several channels answers one confirmation per channel, in the order given, each with the count ' +
      'so far: 1, 2, 3. Three arrays of 3 elements, not one array holding all channels.'
    ));
    await subscribe(a, [c2], [3],
      `client-a is already subscribed to ${c2}: it is confirmed again, but the count stays 3. Keep the connection's channels in a set.`,
    );
    await subscribe(a, [c4, c1], [4, 4],
      `${c4} is new (count 4); ${c1} was already subscribed (count stays 4). Each confirmation carries the count after that channel.`,
    );
    await subscribe(b, [c1], [1],
      'The count is per connection: client-b subscribes to its first channel, so its count is 1, whatever other connections did.',
    );
    await subscribe(b, [c5, c3], [2, 3], 'client-b\'s own count goes on: 2, then 3.');
  },
});

import { defineStage, type Stage } from '../stage.js';

/**
 * Stage 1 of every TCP track (HTTP, Redis, chat): the program starts and accepts a connection on its port.
 * One definition, so every track words the first failure a learner meets the same way.
 */
export function bindStage(): Stage {
  return defineStage({
    slug: 'bind',
    title: 'Bind to a port',
    async run(t) {
      await t.startProgram();
      const connection = await t.connect('client');
      t.log.success(`Connected to 127.0.0.1:${t.port}.`);
      connection.destroy();
    },
  });
}

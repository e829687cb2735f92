import { defineStage } from '../../../tester/harness/stage.js';

export default defineStage({
  slug: 'bind',
  title: 'Bind to a port',
  async run(t) {
    await t.startProgram();
    const connection = await t.connect('client');
    t.log.success(`Connected to 127.0.0.1:${t.port}.`);
    connection.destroy();
  },
});

import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, TEXT_PLAIN, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'echo',
  title: 'Respond with a body',
  async run(t) {
    await t.startProgram();
    const word = t.random.word();
    const response = await (await HttpTestClient.open(t)).request({ method: 'GET', path: `/echo/${word}` });
    expectResponse(response, {
      status: 200,
      headers: { 'Content-Type': TEXT_PLAIN, 'Content-Length': String(word.length) },
      body: word,
    });
  },
});

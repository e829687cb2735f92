import { defineChallenge } from '../../tester/harness/challenge.js';
import bind from './stages/01-bind.js';
import welcome from './stages/02-welcome.js';
import join from './stages/03-join.js';
import nameRules from './stages/04-name-rules.js';
import presence from './stages/05-presence.js';
import joinAnnouncement from './stages/06-join-announcement.js';
import relay from './stages/07-relay.js';
import leave from './stages/08-leave.js';
import longMessages from './stages/09-long-messages.js';
import manyClients from './stages/10-many-clients.js';
import lineFraming from './stages/11-line-framing.js';
import lineLimit from './stages/12-line-limit.js';
import duplicateNames from './stages/13-duplicate-names.js';
import slowConsumer from './stages/14-slow-consumer.js';
import fanOut from './stages/15-fan-out.js';

/** The chat hub track. Stages 2–10 follow Protohackers' Budget Chat (problem 3), so existing solutions pass them. */
export default defineChallenge({
  slug: 'chat-hub',
  title: 'Build your own TCP chat hub',
  summary: 'Budget Chat compatible line protocol, then rooms, slow consumers, fan-out and graceful shutdown.',
  defaultPort: 7777,
  mode: 'server',
  stageTimeoutMs: 15_000,
  languages: ['go', 'typescript', 'python'],
  // The one ordered index. Append new stages (reserved slugs: solutions/chat-hub/STAGES.md); never rename or reorder.
  stages: [bind, welcome, join, nameRules, presence, joinAnnouncement, relay, leave, longMessages, manyClients, lineFraming, lineLimit, duplicateNames, slowConsumer, fanOut],
});

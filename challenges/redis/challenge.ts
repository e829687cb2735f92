import { defineChallenge } from '../../tester/harness/challenge.js';
import bind from './stages/01-bind.js';
import ping from './stages/02-ping.js';
import pingMultiple from './stages/03-ping-multiple.js';
import concurrentClients from './stages/04-concurrent-clients.js';
import echo from './stages/05-echo.js';
import setGet from './stages/06-set-get.js';
import expiry from './stages/07-expiry.js';
import pipelining from './stages/08-pipelining.js';
import fragmentedCommands from './stages/09-fragmented-commands.js';
import binarySafe from './stages/10-binary-safe.js';
import largeValue from './stages/11-large-value.js';
import inlineCommands from './stages/12-inline-commands.js';
import halfClose from './stages/13-half-close.js';

/** The Redis track. Stages 1–7 follow CodeCrafters' public conventions (port 6379, PING, ECHO, SET/GET, PX). */
export default defineChallenge({
  slug: 'redis',
  title: 'Build your own Redis',
  summary: 'RESP2 over TCP, proven against the real redis-server stage by stage.',
  defaultPort: 6379,
  mode: 'server',
  stageTimeoutMs: 15_000,
  languages: ['go', 'typescript', 'python'],
  // The one ordered index. Append new stages (reserved slugs: solutions/redis/STAGES.md); never rename or reorder.
  stages: [
    bind,
    ping,
    pingMultiple,
    concurrentClients,
    echo,
    setGet,
    expiry,
    pipelining,
    fragmentedCommands,
    binarySafe,
    largeValue,
    inlineCommands,
    halfClose,
  ],
});

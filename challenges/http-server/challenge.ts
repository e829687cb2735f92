import { defineChallenge } from '../../tester/harness/challenge.js';
import bind from './stages/01-bind.js';
import respond200 from './stages/02-respond-200.js';
import notFound from './stages/03-not-found.js';
import echo from './stages/04-echo.js';
import userAgent from './stages/05-user-agent.js';
import concurrentConnections from './stages/06-concurrent-connections.js';
import getFile from './stages/07-get-file.js';
import postFile from './stages/08-post-file.js';
import acceptEncoding from './stages/09-accept-encoding.js';
import multipleEncodings from './stages/10-multiple-encodings.js';
import gzip from './stages/11-gzip.js';
import persistentConnections from './stages/12-persistent-connections.js';
import concurrentPersistent from './stages/13-concurrent-persistent.js';
import connectionClose from './stages/14-connection-close.js';
import pipelining from './stages/15-pipelining.js';
import fragmentedRequests from './stages/16-fragmented-requests.js';
import chunkedRequestBody from './stages/17-chunked-request-body.js';
import head from './stages/18-head.js';
import methodNotAllowed from './stages/19-method-not-allowed.js';
import badRequest from './stages/20-bad-request.js';
import conflictingFraming from './stages/21-conflicting-framing.js';
import headerTooLarge from './stages/22-header-too-large.js';
import bodyTooLarge from './stages/23-body-too-large.js';
import rangeRequests from './stages/24-range-requests.js';
import conditionalRequests from './stages/25-conditional-requests.js';
import idleTimeout from './stages/26-idle-timeout.js';
import gracefulShutdown from './stages/27-graceful-shutdown.js';
import load from './stages/28-load.js';

/** The HTTP/1.1 server track. Stages 1–14 follow CodeCrafters' public conventions (port 4221, paths). */
export default defineChallenge({
  slug: 'http-server',
  title: 'Build your own HTTP/1.1 server',
  summary: 'Raw TCP to a keep-alive, pipelining, gzip, range-serving server that survives slowloris and shuts down gracefully.',
  defaultPort: 4221,
  mode: 'server',
  stageTimeoutMs: 15_000,
  languages: ['go', 'typescript', 'python'],
  // The one ordered index of the track. Append new stages; never rename or reorder released ones.
  stages: [
    bind,
    respond200,
    notFound,
    echo,
    userAgent,
    concurrentConnections,
    getFile,
    postFile,
    acceptEncoding,
    multipleEncodings,
    gzip,
    persistentConnections,
    concurrentPersistent,
    connectionClose,
    pipelining,
    fragmentedRequests,
    chunkedRequestBody,
    head,
    methodNotAllowed,
    badRequest,
    conflictingFraming,
    headerTooLarge,
    bodyTooLarge,
    rangeRequests,
    conditionalRequests,
    idleTimeout,
    gracefulShutdown,
    load,
  ],
});

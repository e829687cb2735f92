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
import unknownCommand from './stages/14-unknown-command.js';
import wrongArity from './stages/15-wrong-arity.js';
import syntaxErrors from './stages/16-syntax-errors.js';
import delExists from './stages/17-del-exists.js';
import typeStage from './stages/18-type.js';
import keysPattern from './stages/19-keys-pattern.js';
import ttl from './stages/20-ttl.js';
import setOptions from './stages/21-set-options.js';
import incr from './stages/22-incr.js';
import incrErrors from './stages/23-incr-errors.js';
import activeExpiry from './stages/24-active-expiry.js';
import rpush from './stages/25-rpush.js';
import lrange from './stages/26-lrange.js';
import lrangeNegative from './stages/27-lrange-negative.js';
import lpush from './stages/28-lpush.js';
import llen from './stages/29-llen.js';
import lpop from './stages/30-lpop.js';
import lpopCount from './stages/31-lpop-count.js';
import wrongtype from './stages/32-wrongtype.js';
import blpop from './stages/33-blpop.js';
import blpopTimeout from './stages/34-blpop-timeout.js';
import blpopOrder from './stages/35-blpop-order.js';
import blpopIsolation from './stages/36-blpop-isolation.js';
import multiExec from './stages/37-multi-exec.js';
import discard from './stages/38-discard.js';
import transactionErrors from './stages/39-transaction-errors.js';
import nestedMulti from './stages/40-nested-multi.js';
import watch from './stages/41-watch.js';
import unwatch from './stages/42-unwatch.js';
import subscribe from './stages/43-subscribe.js';
import subscribeMultiple from './stages/44-subscribe-multiple.js';
import publish from './stages/45-publish.js';
import messageDelivery from './stages/46-message-delivery.js';
import unsubscribe from './stages/47-unsubscribe.js';
import subscribedMode from './stages/48-subscribed-mode.js';
import slowSubscriber from './stages/49-slow-subscriber.js';
import configGet from './stages/50-config-get.js';
import rdbKey from './stages/51-rdb-key.js';
import rdbKeys from './stages/52-rdb-keys.js';
import rdbValue from './stages/53-rdb-value.js';
import rdbValues from './stages/54-rdb-values.js';
import rdbExpiry from './stages/55-rdb-expiry.js';
import loadStage from './stages/56-load.js';

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
    unknownCommand,
    wrongArity,
    syntaxErrors,
    delExists,
    typeStage,
    keysPattern,
    ttl,
    setOptions,
    incr,
    incrErrors,
    activeExpiry,
    rpush,
    lrange,
    lrangeNegative,
    lpush,
    llen,
    lpop,
    lpopCount,
    wrongtype,
    blpop,
    blpopTimeout,
    blpopOrder,
    blpopIsolation,
    multiExec,
    discard,
    transactionErrors,
    nestedMulti,
    watch,
    unwatch,
    subscribe,
    subscribeMultiple,
    publish,
    messageDelivery,
    unsubscribe,
    subscribedMode,
    slowSubscriber,
    configGet,
    rdbKey,
    rdbKeys,
    rdbValue,
    rdbValues,
    rdbExpiry,
    loadStage,
  ],
});

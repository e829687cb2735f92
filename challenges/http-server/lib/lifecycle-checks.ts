import { connect } from 'node:net';
import type { StageContext } from '../../../tester/harness/context.js';
import { StageFailure } from '../../../tester/harness/errors.js';
import { describeExit } from '../../../tester/harness/exit.js';
import type { Program } from '../../../tester/harness/program.js';
import { decodeResponse } from '../../../tester/protocols/http1/decode.js';
import type { HttpTestClient } from './http.js';

/**
 * The program must close `client` between `minMs` and `maxMs` after it connected. It may send
 * `408 Request Timeout` first (RFC 9110 §15.5.9); any other response is wrong.
 */
export async function expectIdleClose(
  client: HttpTestClient,
  options: { minMs: number; maxMs: number; what: string; hint?: string },
): Promise<void> {
  const connection = client.connection;
  const remaining = () => Math.max(options.maxMs - client.age(), 1);
  try {
    const response = await connection.read((buf) => decodeResponse(buf, { method: 'GET' }), {
      what: `a 408 response or the close of ${options.what}`,
      timeoutMs: remaining(),
    });
    if (response.status !== 408) {
      throw new StageFailure(`Expected ${options.what} to be closed (optionally after 408 Request Timeout), but it got ${response.status} ${response.reason}.`);
    }
    await connection.expectEof({ what: `${options.what} to close after 408`, timeoutMs: remaining() });
  } catch (error) {
    // Closed with nothing sent: the read fails with "closed before a response", which is what we want.
    const closedSilently = !connection.isOpen() && connection.unreadBytes().length === 0;
    if (!closedSilently) {
      if (connection.isOpen() && client.age() >= options.maxMs - 5) {
        throw new StageFailure(
          `Expected your program to close ${options.what} within ${options.maxMs / 1000} s (the idle timeout is 1 s), but it is still open.`,
          { hint: options.hint ?? 'Give every connection a deadline for its next request and close it when the deadline passes.' },
        );
      }
      throw error;
    }
  }
  const age = client.age();
  if (age < options.minMs) {
    throw new StageFailure(
      `Your program closed ${options.what} after ${age} ms, but the idle timeout is 1 s: close only connections silent for that long.`,
    );
  }
}

/** After SIGTERM the listener must close: new connections are refused within `withinMs`. */
export async function expectRefusingConnections(t: StageContext, options: { withinMs: number }): Promise<void> {
  const deadline = Date.now() + options.withinMs;
  for (;;) {
    const outcome = await tryConnect(t.host, t.port);
    if (outcome === 'refused') {
      t.log.success('New connections are refused.');
      return;
    }
    if (Date.now() >= deadline) {
      throw new StageFailure(
        `Your program still accepts new connections ${options.withinMs / 1000} s after SIGTERM.`,
        { hint: 'On SIGTERM, close the listening socket first (Go: listener.Close(); Node: server.close()), then drain.' },
      );
    }
    // Retry shortly: there is no event for "the other process closed its listener".
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function tryConnect(host: string, port: number): Promise<'accepted' | 'refused'> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', () => resolve('refused'));
  });
}

/** The program must exit with `code` within `withinMs`. */
export async function expectExitCode(t: StageContext, program: Program, options: { code: number; withinMs: number }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    program.exited,
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(options.withinMs, 1));
    }),
  ]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    throw new StageFailure('Your program did not exit within 5 s of SIGTERM.', {
      hint: 'Once in-flight requests are done and idle connections closed, exit (Go: return from main; Node: process.exit(0) or let the event loop empty).',
    });
  }
  if (outcome.code !== options.code) {
    const viaShell = outcome.signal === 'SIGTERM' || outcome.code === 143;
    throw new StageFailure(`Expected your program to exit with code ${options.code} after SIGTERM, but it ${describeExit(outcome)}.`, {
      hint: viaShell
        ? 'Handle SIGTERM instead of dying from it. If a shell script starts your server, make it `exec` the server so the signal reaches it and its exit code is yours.'
        : undefined,
    });
  }
  t.log.success(`Your program exited with code ${options.code}.`);
}

#!/usr/bin/env node
import { runCli } from '../tester/cli/run-cli.js';
import { processIo } from '../tester/cli/io.js';
import { killAllGroupsNow } from '../tester/harness/process-group.js';

// Ctrl-C during a stage: stop the learner's program (its whole process group) before exiting.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllGroupsNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIo());

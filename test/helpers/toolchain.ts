import { execFileSync } from 'node:child_process';

/**
 * Tests that need a toolchain the machine lacks skip with a loud line saying what to install —
 * except in CI (CI=true), where a missing toolchain is a failure: CI must install it (.ci/run).
 */
export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function requireToolchain(command: string, install: string): boolean {
  if (hasCommand(command)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`CI is missing \`${command}\`: ${install}. .ci/run must install it.`);
  }
  console.warn(`\n⚠️  SKIPPING tests that need \`${command}\`: it is not installed. ${install}\n`);
  return false;
}

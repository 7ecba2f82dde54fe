import { spawnSync } from 'node:child_process';
import { cliArgs } from './cli-command.js';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the qianxing command (the build when current, else the sources), as a user would from a shell. */
export function runCli(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): CliResult {
  const result = spawnSync(process.execPath, [...cliArgs(), ...args], {
    input: options.input,
    env: { ...process.env, ...options.env },
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A command that should end but serves on instead is killed then (and fails on its status).
    ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { type CliMode, cliArgs, repositoryRoot } from './cli-command.js';

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed until it was serving (the demo passwords among it). */
  output: string;
  /** Everything the process has printed so far, for a message it logs later (a text message's code). */
  printed(): string;
  stop(): Promise<void>;
}

/**
 * Runs `qianxing serve` as its own process, started with node directly so that its pid is the
 * server's own (npx would leave the real process behind when its wrapper is killed), and
 * resolves once it serves. Used by the browser tests, the crash test and the benchmarks.
 */
export function startServeProcess(
  env: NodeJS.ProcessEnv,
  args: string[] = ['--demo'],
  options: { mode?: CliMode; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...cliArgs(options.mode), 'serve', '--port', '0', ...args],
    {
      cwd: repositoryRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return whenServing(child, options.timeoutMs ?? 120_000);
}

/** How long `stop()` waits for the server to drain and exit after SIGTERM. */
const STOP_WITHIN_MS = 60_000;

/**
 * Resolves once a spawned `qianxing serve` prints where it serves; rejects if it exits first or
 * takes longer than `timeoutMs` (killed then, and rejected once it has exited, so that nothing
 * uses its data folder any more). `stop()` ends it with SIGTERM and waits for it to exit.
 */
export function whenServing(child: ChildProcess, timeoutMs: number): Promise<ServeProcess> {
  let output = '';
  let timedOut = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/serving on (http:\/\/localhost:\d+)/);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        child,
        url: m[1]!,
        output,
        printed: () => output,
        stop: () =>
          new Promise<void>((done, fail) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            // A server that does not stop is a failure to report, not a test left to time out.
            const stuck = setTimeout(() => {
              child.kill('SIGKILL');
              fail(new Error(`the server did not stop within ${STOP_WITHIN_MS / 1000} s:\n${output}`));
            }, STOP_WITHIN_MS);
            child.once('exit', () => {
              clearTimeout(stuck);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          timedOut ? `the server did not start:\n${output}` : `the server exited with ${code}:\n${output}`,
        ),
      );
    });
  });
}

/** The demo accounts' passwords as `serve --demo` prints them once: login → password. */
export function demoPasswords(output: string): Record<string, string> {
  const accounts: Record<string, string> = {};
  for (const m of output.matchAll(/^\s+\S+\s+(\S+)\s+(\S{16})$/gm)) accounts[m[1]!] = m[2]!;
  return accounts;
}

/** Signs in over HTTP and returns the session cookie and CSRF token for later requests. */
export async function signIn(url: string, login: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login} failed with ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

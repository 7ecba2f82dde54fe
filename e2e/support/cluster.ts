import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const cli = resolve(repoRoot, 'packages/cli/dist/main.js');

/** What scripts/cluster.sh needs: nginx, PostgreSQL's programs and the build. */
export function clusterAvailability(): boolean {
  const missing = [
    existsSync('/usr/sbin/nginx') ? null : 'nginx (apt-get install nginx)',
    existsSync('/usr/lib/postgresql') ? null : 'PostgreSQL (apt-get install postgresql)',
    existsSync(cli) ? null : 'the build (npm run build)',
  ].filter(Boolean);
  if (missing.length === 0) return true;
  const how = `The cluster test needs ${missing.join(', ')}.`;
  if (process.env.REQUIRE_E2E === '1')
    throw new Error(`${how} (REQUIRE_E2E=1: the cluster test is required)`);
  console.warn(`${how}\nThe cluster test is skipped.`);
  return false;
}

/** The addresses and pids `cluster.sh up` wrote. */
export const readClusterEnv = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readFileSync(resolve(dir, 'cluster.env'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

/** A client of one base address that keeps its cookies and sends the CSRF token, as a browser. */
export class HttpClient {
  private readonly jar = new Map<string, string>();
  private csrf = '';
  constructor(readonly base: string) {}

  /** The same cookies, sent to another address (another instance). */
  at(base: string): HttpClient {
    const other = new HttpClient(base);
    for (const [k, v] of this.jar) other.jar.set(k, v);
    other.csrf = this.csrf;
    return other;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      if (pair.slice(at + 1)) this.jar.set(pair.slice(0, at), pair.slice(at + 1));
      else this.jar.delete(pair.slice(0, at));
    }
    const text = await res.text();
    const parsed = res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async login(login: string, password: string) {
    const res = await this.request<{ csrfToken: string }>('POST', '/api/v1/auth/login', { login, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = res.body.csrfToken;
  }
}

/** Polls until `check` holds, returning the milliseconds it took, or fails after `limitMs`. */
export async function within(limitMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${limitMs} ms`);
}

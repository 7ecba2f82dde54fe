import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/client.js';
import type { ReadReplica } from '../db/replica.js';
import { createApp } from '../http/app.js';
import type { ModuleDefinition } from '../kernel/module.js';
import { forgetLoadedYears } from '../modules/calendar/api.js';
import { modules } from '../modules/registry.js';
import { seededDatabase } from './demo-template.js';
import { expectDocumentedRefusal } from './documented-errors.js';
import { inboxSms, silentLog } from './quiet.js';

export { inboxSms, silentLog } from './quiet.js';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** What a client sends its requests to: the app in this process, or a server over HTTP (`overHttp`). */
export interface Requester {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** A requester that sends each request to a server listening at `base` (`http://127.0.0.1:port`). */
export const overHttp = (base: string): Requester => ({
  request: (path, init) => fetch(`${base}${path}`, init),
});

/** A browser-like client: keeps its cookies and sends the CSRF token on writes. */
export class TestClient {
  private readonly jar = new Map<string, string>();
  csrf = '';

  private get cookie() {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** As a browser: each Set-Cookie replaces its cookie, an empty value removes it. */
  private keepCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value) this.jar.set(name, value);
      else this.jar.delete(name);
    }
  }
  constructor(
    private readonly app: Requester,
    readonly ip = '127.0.0.1',
  ) {}

  /** Posts one file as a multipart form, as a browser's upload does, with this client's session. */
  async upload(path: string, bytes: Uint8Array, name: string) {
    const form = new FormData();
    form.set('file', new File([bytes], name));
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, 'x-csrf-token': this.csrf };
    if (this.cookie) headers.cookie = this.cookie;
    const res = await this.app.request(path, { method: 'POST', body: form, headers });
    type Answer = {
      id: string;
      code?: string;
      errors?: Array<{ path: string; code?: string; params?: Record<string, string | number> }>;
    };
    const answer = (await res.json()) as Answer;
    expectDocumentedRefusal('POST', path, res.status, answer);
    return { status: res.status, body: answer };
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: RequestInit['body'];
    if (body instanceof Uint8Array || body instanceof ArrayBuffer) payload = body as RequestInit['body'];
    else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(path, { method, headers: h, body: payload });
    this.keepCookies(res.headers);
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json')
      ? await res.json()
      : type.includes('spreadsheet')
        ? new Uint8Array(await res.arrayBuffer())
        : await res.text();
    expectDocumentedRefusal(method, path, res.status, parsed);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = unknown>(path: string) => this.request<T>('GET', path);
  post = <T = unknown>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  patch = <T = unknown>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  put = <T = unknown>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = unknown>(path: string) => this.request<T>('DELETE', path);

  async login(login: string, password: string) {
    const res = await this.post<{ csrfToken: string }>('/api/v1/auth/login', { login, password });
    if (res.status !== 200)
      throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = res.body.csrfToken;
    return res;
  }

  /**
   * Signs in with a password someone else set (initial or reset) and replaces it, which the
   * server asks before anything else; answers the new password.
   */
  async firstLogin(login: string, given: string, own = 'Replaced-by-its-owner-2026') {
    await this.login(login, given);
    const res = await this.post('/api/v1/auth/password', { current: given, next: own });
    if (res.status !== 204)
      throw new Error(`password change of ${login} failed: ${JSON.stringify(res.body)}`);
    return own;
  }
}

export interface TestContext {
  database: Database;
  app: ReturnType<typeof createApp>;
  sms: ReturnType<typeof inboxSms>;
  accounts: Record<string, string>;
  client(ip?: string): TestClient;
  /** A client signed in as a demo account: office (admin), organiser, screener, expert1..3, dept, supervisor, enterprise, citizen. */
  as(login: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestContextOptions {
  modules?: readonly ModuleDefinition[];
  /**
   * Only these modules' demo data (e.g. `['units', 'users']`: the unit tree and one account per
   * role); `[]` for none, when the test makes its few rows with the factories (factories*.ts).
   */
  seed?: readonly string[];
  /** A read replica made for the test's database (PostgreSQL only), as DATABASE_READ_URL makes. */
  readReplica?: (database: Database & { url?: string }) => Promise<ReadReplica>;
  /** How long a request's body may stall under Node's own server (`http/body-read.ts`). */
  bodyIdleMs?: number;
}

/** The real app on a fresh database seeded with the demo district and one account per role. */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const releaseDataDir = useDataDir();
  try {
    return await openTestContext(options, releaseDataDir);
  } catch (e) {
    releaseDataDir();
    throw e;
  }
}

// Uploaded files go to a folder of the tests' own, never into the repository's data folder. It is
// made for the first open context and removed with the last one closed (unless the setting was
// given): a folder per worker left behind by every run filled the disk.
let ownDataDir: string | undefined;
let openContexts = 0;

function useDataDir(): () => void {
  if (process.env.QIANXING_DATA_DIR === undefined) {
    ownDataDir = mkdtempSync(join(tmpdir(), 'qianxing-test-'));
    process.env.QIANXING_DATA_DIR = ownDataDir;
  }
  openContexts++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--openContexts > 0 || ownDataDir === undefined) return;
    if (process.env.QIANXING_DATA_DIR === ownDataDir) delete process.env.QIANXING_DATA_DIR;
    rmSync(ownDataDir, { recursive: true, force: true });
    ownDataDir = undefined;
  };
}

async function openTestContext(
  options: TestContextOptions,
  releaseDataDir: () => void,
): Promise<TestContext> {
  const { database, accounts } = await seededDatabase(options.seed);
  const sms = inboxSms();
  const readReplica = await options.readReplica?.(database);
  const app = createApp({
    modules: options.modules ?? modules,
    database,
    log: silentLog,
    sms,
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
    // In-process requests have no peer: each test client's X-Forwarded-For is its address.
    trustProxy: () => true,
    readReplica,
    bodyIdleMs: options.bodyIdleMs,
  });
  let n = 0;
  return {
    database,
    app,
    sms,
    accounts,
    // Each client its own address, so login throttling of one test does not leak into another.
    client: (ip) => new TestClient(app, ip ?? `10.0.0.${++n % 250}`),
    async as(login) {
      const c = new TestClient(app, `10.1.0.${++n % 250}`);
      await c.login(login, accounts[login]!);
      return c;
    },
    async close() {
      // Test files share a process: the years this database loaded leave its calendar with it.
      forgetLoadedYears(database.db);
      await readReplica?.close();
      await database.close();
      releaseDataDir();
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.js';
import type { Database } from '../db/client.js';
import { GroupCommit } from '../db/group-commit.js';
import { createApp } from '../http/app.js';
import { modules } from '../modules/registry.js';
import { inboxSms, silentLog } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { createAppMetrics } from './app-metrics.js';
import { parseListen, startMetricsListener } from './endpoint.js';

const token = 'scrape-token-for-tests';
let database: Database;

const appWith = (extra: Partial<Parameters<typeof createApp>[0]>) =>
  createApp({
    modules,
    database,
    log: silentLog,
    sms: inboxSms(),
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
    ...extra,
  });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const scrape = (app: ReturnType<typeof createApp>, auth?: string) =>
  app.request('/metrics', auth ? { headers: { authorization: auth } } : {});

/** The value of one sample line of the exposition, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('counts requests by route pattern, never by the raw path, for a scraper with the token', async () => {
    const app = appWith({ metrics: createAppMetrics(database), metricsToken: token });
    await app.request('/api/health');
    await app.request('/api/health');
    await app.request('/api/v1/public/suggestions/00000000-0000-4000-8000-000000000000');
    const res = await scrape(app, `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'qianxing_http_requests_total{method="GET",route="/api/health",status="200"}')).toBe(
      2,
    );
    const byId = text
      .split('\n')
      .filter((l) => l.startsWith('qianxing_http_requests_total') && l.includes('suggestions'));
    expect(byId).toEqual([
      'qianxing_http_requests_total{method="GET",route="/api/v1/public/suggestions/:id",status="404"} 1',
    ]);
    expect(text).toContain(
      'qianxing_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/health"',
    );
    // The process's own figures come with the app's.
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toContain('# TYPE qianxing_group_commit_batch_size histogram');
  });

  it('is not found without the token, with a wrong one, or when metrics are off', async () => {
    const app = appWith({ metrics: createAppMetrics(database), metricsToken: token });
    for (const auth of [undefined, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, token, 'Bearer ']) {
      const res = await scrape(app, auth);
      expect(res.status, String(auth)).toBe(404);
      expect(await res.text()).not.toContain('qianxing_');
    }
    // Request metrics without a token: counted, but served only on a listener of their own.
    expect((await scrape(appWith({ metrics: createAppMetrics(database) }), `Bearer ${token}`)).status).toBe(
      404,
    );
    expect((await scrape(appWith({}), `Bearer ${token}`)).status).toBe(404);
  });

  it('shows the audit events waiting for the sealer and the oldest one’s age', async () => {
    const metrics = createAppMetrics(database);
    const before = sample((await metrics.render()).body, 'qianxing_audit_unsealed_events') ?? Number.NaN;
    const at = new Date(Date.now() - 90_000);
    await database.db.insert(auditEvents).values({
      at,
      actorLabel: 'test',
      action: 'test.metrics',
      entityType: 'test',
      entityId: '1',
    });
    const text = (await metrics.render()).body;
    expect(sample(text, 'qianxing_audit_unsealed_events')).toBe(before + 1);
    expect(sample(text, 'qianxing_audit_oldest_unsealed_age_seconds')).toBeGreaterThanOrEqual(90);
  });

  it('shows the pool on PostgreSQL, and no pool on PGlite', async () => {
    const text = (await createAppMetrics(database).render()).body;
    const total = sample(text, 'qianxing_db_pool_connections{state="total"}');
    if (database.kind === 'postgres') expect(total).toBeGreaterThanOrEqual(1);
    else expect(total).toBeUndefined();
  });

  it('records each group-commit batch under its committer’s name', async () => {
    const committer = new GroupCommit(
      async (items: number[]) => items.map((i) => i * 2),
      256,
      'metrics-test',
    );
    expect(await Promise.all([1, 2, 3].map((i) => committer.submit(i)))).toEqual([2, 4, 6]);
    const text = (await createAppMetrics(database).render()).body;
    expect(sample(text, 'qianxing_group_commit_batch_size_count{committer="metrics-test"}')).toBe(1);
    expect(sample(text, 'qianxing_group_commit_batch_size_sum{committer="metrics-test"}')).toBe(3);
  });
});

describe('a metrics listener of its own', () => {
  it('serves /metrics without a token on the address it is bound to', async () => {
    const metrics = createAppMetrics(database);
    const listener = await startMetricsListener(() => metrics.render(), '127.0.0.1:0');
    try {
      const res = await fetch(`http://127.0.0.1:${listener.port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('# TYPE qianxing_http_requests_total counter');
      expect((await fetch(`http://127.0.0.1:${listener.port}/api/health`)).status).toBe(404);
    } finally {
      await listener.stop();
    }
  });

  it('reads host:port, and refuses anything else', () => {
    expect(parseListen('127.0.0.1:9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseListen('[::1]:9464')).toEqual({ host: '::1', port: 9464 });
    for (const bad of ['9464', '127.0.0.1', '127.0.0.1:99999', 'host:port', ''])
      expect(() => parseListen(bad), bad).toThrow(/QIANXING_METRICS_LISTEN/);
  });
});

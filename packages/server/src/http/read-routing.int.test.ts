import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadReplica, type ReadReplica } from '../db/replica.js';
import { authzMatrix, demoLogin } from '../modules/authz-matrix.js';
import { sampleSuggestion, unitId } from '../modules/ideas/test-helpers.js';
import { unitByCode } from '../modules/units/api.js';
import { createTestContext, silentLog, type TestClient, type TestContext } from '../test-support/app.js';
import type { Ids } from '../test-support/authz.js';
import { mayLag } from './read-routing.js';

/**
 * The reads sent to a replica make no write: here the "replica" is a connection to the test's
 * own database on which every transaction is read-only, as on a hot standby, so a write on that
 * path fails the request. A real streaming replica is the cluster's test (e2e/cluster).
 */
describe.runIf(!!process.env.DATABASE_URL)('reads that may lag', () => {
  let t: TestContext;
  let ids: Ids;
  let replica: ReadReplica;
  beforeAll(async () => {
    t = await createTestContext({
      readReplica: async (database) => {
        const url = new URL(database.url!);
        url.searchParams.set('options', '-c default_transaction_read_only=on');
        replica = await openReadReplica({
          url: url.toString(),
          primary: database,
          maxLagSeconds: 5,
          log: silentLog,
        });
        return replica;
      },
    });
    const root = (await unitByCode(t.database.db, 'QJ'))!.id;
    ids = { root, target: crypto.randomUUID(), unit: root };
  });
  afterAll(() => t?.close());

  const lagging = Object.entries(authzMatrix).filter(([, row]) => {
    const [method, path] = row.call({ root: '', target: '', unit: '' });
    return mayLag(method, path.split('?')[0]!);
  });

  it('refuses writes on the connection standing in for the replica', async () => {
    const { db, from } = replica.reader();
    expect(from).toBe('replica');
    await expect(db.execute('update units set name = name where false')).rejects.toMatchObject({
      cause: { code: '25006' },
    });
  });

  it('covers the public pages, the dashboards and the exports', () => {
    const paths = lagging.map(([, row]) => row.call({ root: '', target: '', unit: '' })[1]);
    expect(paths.filter((p) => p.startsWith('/api/v1/public/')).length).toBeGreaterThan(20);
    expect(paths.filter((p) => p.endsWith('/export')).length).toBeGreaterThanOrEqual(8);
    expect(paths).toContain('/api/v1/ideas/stats');
    expect(mayLag('GET', '/api/v1/public/track/ABC123')).toBe(false);
    expect(mayLag('POST', '/api/v1/public/suggestions')).toBe(false);
  });

  it.each(lagging.map(([op]) => op))('%s is answered from the replica without writing', async (op) => {
    const row = authzMatrix[op]!;
    const client: TestClient =
      row.who === 'public'
        ? t.client()
        : await t.as(row.who === 'signedIn' ? 'office' : demoLogin[row.who[0]!]);
    const [method, path] = row.call(ids);
    const res = await client.request<{ code?: string }>(method, path);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
    expect(res.headers.get('x-qianxing-read')).toBe('replica');
  });

  it('reads a browser’s own write from the primary until the replica may have it', async () => {
    const citizen = t.client();
    const before = await citizen.get('/api/v1/public/suggestions?pageSize=1');
    expect(before.headers.get('x-qianxing-read')).toBe('replica');
    const submitted = await citizen.post<{ trackingCode: string }>(
      '/api/v1/public/suggestions',
      sampleSuggestion(await unitId(t.database.db, 'QJ-S03')),
    );
    expect(submitted.status).toBe(201);
    expect(submitted.headers.get('set-cookie')).toMatch(
      /qx_rw=\d+; Max-Age=7; Path=\/api; HttpOnly; SameSite=Lax/,
    );
    const after = await citizen.get('/api/v1/public/suggestions?pageSize=1');
    expect(after.headers.get('x-qianxing-read')).toBe('primary');
    const track = await citizen.get(`/api/v1/public/track/${submitted.body.trackingCode}`);
    expect(track.status).toBe(200);
    expect(track.headers.get('x-qianxing-read')).toBeNull();
  });

  it('gives no such window for the similar suggestions looked up by POST, which write nothing', async () => {
    const res = await t
      .client()
      .post('/api/v1/public/suggestions/similar', { text: '高铁站到城区的公交太少' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('qx_rw=');
  });

  it('starts with a replica that does not answer, and reads from the primary meanwhile', async () => {
    const absent = await openReadReplica({
      url: 'postgres://qx:qx@127.0.0.1:1/nothing',
      primary: t.database,
      maxLagSeconds: 5,
      log: silentLog,
    });
    expect(absent.status()).toEqual({ ok: false, lagSeconds: null, maxLagSeconds: 5, inUse: false });
    expect(absent.reader().from).toBe('primary');
    await absent.close();
  });

  it('shows the replica on the health endpoint', async () => {
    const res = await t.client().get<{ replica: unknown }>('/api/health');
    expect(res.body.replica).toEqual({ ok: true, lagSeconds: 0, maxLagSeconds: 5, inUse: true });
  });
});

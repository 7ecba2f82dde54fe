import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCheckpointFile } from './audit/checkpoint-file.js';
import { verifyAuditChain } from './audit/verify.js';
import { loadConfig } from './config.js';
import type { Unit } from './modules/units/api.js';
import { type RunningServer, startServer } from './server.js';
import { inboxSms, overHttp, silentLog, TestClient } from './test-support/app.js';
import { createTestDatabase } from './test-support/db.js';
import { factoryPassword, makeUnit, makeUser } from './test-support/factories.js';
import { campaignInput } from './test-support/factories-ideas.js';
import { tempFolders } from './test-support/temp-folders.js';

/**
 * Two districts as two databases on one PostgreSQL, served by two servers of the same code in one
 * process (the strictest case: whatever the process holds is shared unless it is kept per
 * database). Everything goes through each server's HTTP API. PostgreSQL only: the embedded
 * database is one per process. The CI script provides it.
 */
interface District {
  name: string;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  server: RunningServer;
  base: string;
  root: Unit;
  town: Unit;
  officePassword: string;
  metricsToken: string;
  office: TestClient;
  campaignId: string;
}

const domainsOf = {
  黔江区: [
    { code: 'transport', name: '交通出行', description: '高铁 黔江站 公交 道路 停车 交通枢纽 出行' },
    { code: 'tourism', name: '文旅融合', description: '旅游 景区 小南海 民宿 游客 旅游线路 康养' },
  ],
  武隆区: [
    { code: 'farming', name: '乡村振兴', description: '农业 蔬菜 果园 合作社 农产品 乡村 种植' },
    { code: 'schools', name: '教育', description: '学校 教师 学生 课堂 幼儿园 教育 校车' },
  ],
} as const;

type DistrictName = keyof typeof domainsOf;

const dataDirs = tempFolders('qx-district-');

/** A district's database, set up and served; on a failure on the way, nothing is left behind. */
async function openDistrict(name: DistrictName, code: string): Promise<District> {
  const database = await createTestDatabase();
  let server: RunningServer | undefined;
  try {
    return await setUpDistrict(name, code, database, (s) => {
      server = s;
    });
  } catch (error) {
    await server?.stop();
    await database.close();
    throw error;
  }
}

async function setUpDistrict(
  name: DistrictName,
  code: string,
  database: District['database'],
  started: (server: RunningServer) => void,
): Promise<District> {
  const world = {
    database,
    sms: inboxSms(),
    client: (): TestClient => {
      throw new Error('the districts are served over HTTP');
    },
  };
  const root = await makeUnit(world, { code, name });
  const town = await makeUnit(world, { parent: root, kind: 'town', name: `${name}第一镇` });
  const officePassword = `Harbour-${code}-lantern-2026`;
  // The same login in both districts, each with its own password; one login only this one has.
  await makeUser(world, { login: 'office', password: officePassword, roles: [['admin', root]] });
  await makeUser(world, { login: `only.${code}`, roles: [['admin', root]] });
  const metricsToken = `metrics-token-of-${code}-0123456789abcdef`;
  const server = await startServer(
    loadConfig({
      DATABASE_URL: database.url,
      QIANXING_DATA_DIR: dataDirs(),
      PORT: '0',
      HOST: '127.0.0.1',
      QIANXING_SEAL_INTERVAL_MS: '200',
      QIANXING_METRICS_TOKEN: metricsToken,
    }),
    { log: silentLog },
  );
  started(server);
  const base = `http://127.0.0.1:${server.port}`;
  const office = new TestClient(overHttp(base));
  await office.login('office', officePassword);
  const campaign = await office.post<{ id: string }>('/api/v1/ideas/campaigns', {
    ...campaignInput(`campaign-${code.toLowerCase()}`),
    theme: `${name}大讨论`,
    domains: domainsOf[name],
    publication: 'on_submission',
  });
  expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
  return {
    name,
    database,
    server,
    base,
    root,
    town,
    officePassword,
    metricsToken,
    office,
    campaignId: campaign.body.id,
  };
}

const submit = (d: District, title: string, body: string, extra: Record<string, unknown> = {}) =>
  new TestClient(overHttp(d.base)).post<{ id: string; domain: string; similar: Array<{ id: string }> }>(
    '/api/v1/public/suggestions',
    { title, body, townId: d.town.id, authorKind: 'resident', ...extra },
  );

/** Polls until the audit chain of `d` has no unsealed event, and answers its status. */
async function sealedChain(d: District) {
  for (let tries = 0; ; tries++) {
    const chain = await d.office.get<{ ok: boolean; unsealed: number; lastSeq: number; lastHash: string }>(
      '/api/v1/audit/chain',
    );
    expect(chain.status).toBe(200);
    if (chain.body.unsealed === 0 || tries > 50) return chain.body;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.runIf(!!process.env.DATABASE_URL)('two districts on one PostgreSQL', { timeout: 120_000 }, () => {
  let a: District;
  let b: District;

  beforeAll(async () => {
    a = await openDistrict('黔江区', 'QJ');
    b = await openDistrict('武隆区', 'WL');
    // B's database began as a copy of A's (a restored backup, a template): its campaign has A's id.
    // A cache of the process keyed by the campaign alone would serve A's index to B.
    await b.database.db.execute(
      sql`update idea_campaigns set id = ${a.campaignId} where id = ${b.campaignId}`,
    );
    for (let tries = 0; ; tries++) {
      const current = await new TestClient(overHttp(b.base)).get<{ id: string }>('/api/v1/public/campaign');
      if (current.body.id === a.campaignId) break;
      if (tries > 40) throw new Error('district B still shows its old campaign id');
      await new Promise((r) => setTimeout(r, 200));
    }
    b.campaignId = a.campaignId;
  }, 120_000);

  afterAll(async () => {
    for (const d of [a, b]) {
      await d?.server.stop();
      await d?.database.close();
    }
  });

  it('signs people in to their own district only, each with its own throttle', async () => {
    const toB = new TestClient(overHttp(b.base));
    expect(
      (await toB.post('/api/v1/auth/login', { login: 'office', password: a.officePassword })).status,
    ).toBe(401);
    expect(
      (await toB.post('/api/v1/auth/login', { login: 'only.QJ', password: factoryPassword })).status,
    ).toBe(401);
    // Every request comes from 127.0.0.1: A's sign-in limit for office from it is spent ...
    const toA = new TestClient(overHttp(a.base));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await toA.post('/api/v1/auth/login', { login: 'office', password: 'wrong-password-1' })).status,
      );
    expect(statuses).toContain(429);
    // ... and B's is not.
    await toB.login('office', b.officePassword);
    const session = await toB.get<{ user: { login: string; grants: Array<{ unitId: string }> } }>(
      '/api/v1/auth/session',
    );
    expect(session.body.user.grants.map((g) => g.unitId)).toEqual([b.root.id]);
  });

  it('keeps each district’s suggestions, classifier and near duplicates to itself', async () => {
    const inA = await submit(
      a,
      '高铁站公交接驳专线',
      '建议开通黔江高铁站到城区的公交接驳专线，方便群众出行。',
    );
    expect(inA.status).toBe(201);
    expect(['transport', 'tourism']).toContain(inA.body.domain);
    // The same campaign id in B: its classifier and index are B's own, not A's.
    const inB = await submit(b, '校车接送覆盖乡镇', '建议为偏远乡镇的学生开通校车，保障学生上学安全。');
    expect(inB.status).toBe(201);
    expect(['farming', 'schools']).toContain(inB.body.domain);
    const chosen = await submit(b, '蔬菜合作社冷链', '建议为蔬菜合作社建设冷链仓库，减少农产品损耗。', {
      domain: 'farming',
    });
    expect(chosen.status).toBe(201);
    // A near duplicate finds its district's original, never the other's.
    const againB = await submit(b, '校车接送覆盖乡镇', '建议为偏远乡镇的学生开通校车，保障学生上学安全！');
    expect(againB.body.similar.map((s) => s.id)).toContain(inB.body.id);
    const similarInB = await new TestClient(overHttp(b.base)).post<{ similar: Array<{ id: string }> }>(
      '/api/v1/public/suggestions/similar',
      { text: '建议开通黔江高铁站到城区的公交接驳专线，方便群众出行。' },
    );
    expect(similarInB.status).toBe(200);
    expect(similarInB.body.similar.map((s) => s.id)).not.toContain(inA.body.id);

    const page = (d: District, query = '') =>
      new TestClient(overHttp(d.base)).get<{ total: number; items: Array<{ id: string; title: string }> }>(
        `/api/v1/public/suggestions?pageSize=100${query}`,
      );
    expect((await page(a)).body.items.map((s) => s.id)).toEqual([inA.body.id]);
    expect((await page(b)).body.total).toBe(3);
    expect((await page(b)).body.items.map((s) => s.id)).not.toContain(inA.body.id);
    const search = `&q=${encodeURIComponent('公交')}`;
    expect((await page(a, search)).body.total).toBe(1);
    expect((await page(b, search)).body.total).toBe(0);

    // Each server caches its public figures for a few seconds: A's are asked first, so a cache
    // of the process would answer B with them.
    const stats = (d: District) =>
      new TestClient(overHttp(d.base)).get<{ suggestions: number; participations: number }>(
        '/api/v1/public/stats',
      );
    expect((await stats(a)).body).toMatchObject({ suggestions: 1, participations: 1 });
    expect((await stats(b)).body).toMatchObject({ suggestions: 3, participations: 3 });
  });

  it('keeps an audit chain per district, each verifying alone and signed by its own key', async () => {
    const [chainA, chainB] = [await sealedChain(a), await sealedChain(b)];
    expect(chainA).toMatchObject({ ok: true, unsealed: 0 });
    expect(chainB).toMatchObject({ ok: true, unsealed: 0 });
    expect(chainA.lastHash).not.toBe(chainB.lastHash);
    for (const [d, chain] of [
      [a, chainA],
      [b, chainB],
    ] as const) {
      // What `qianxing verify-audit` runs, on the district's database.
      const verified = await verifyAuditChain(d.database.db);
      expect(verified.problems).toEqual([]);
      expect(verified.lastSeq).toBe(chain.lastSeq);
    }
    const checkpoints = async (d: District) => {
      const res = await new TestClient(overHttp(d.base)).get<Parameters<typeof verifyCheckpointFile>[0]>(
        '/api/v1/public/audit/checkpoints',
      );
      expect(res.status).toBe(200);
      return res.body;
    };
    const [fileA, fileB] = [await checkpoints(a), await checkpoints(b)];
    expect(fileA.checkpoints.length).toBeGreaterThan(0);
    const keyA = fileA.keys[0]!.publicKey;
    expect(fileB.keys.map((k) => k.publicKey)).not.toContain(keyA);
    expect(verifyCheckpointFile(fileA, [keyA]).problems).toEqual([]);
    expect(verifyCheckpointFile(fileB, [keyA]).problems).not.toEqual([]);
  });

  it('counts each server’s requests in its own metrics', async () => {
    const scrape = async (d: District) => {
      const res = await fetch(`${d.base}/metrics`, {
        headers: { authorization: `Bearer ${d.metricsToken}` },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    const submissions = (text: string) =>
      Number(
        /qianxing_http_requests_total\{method="POST",route="\/api\/v1\/public\/suggestions",status="201"\} (\d+)/.exec(
          text,
        )?.[1] ?? 0,
      );
    expect(submissions(await scrape(a))).toBe(1);
    expect(submissions(await scrape(b))).toBe(3);
    // One district's token opens no other's metrics.
    const crossed = await fetch(`${b.base}/metrics`, {
      headers: { authorization: `Bearer ${a.metricsToken}` },
    });
    expect(await crossed.text()).not.toContain('qianxing_http_requests_total');
  });

  it('goes on taking one district’s suggestions, near duplicates found, after the other stops', async () => {
    await a.server.stop();
    const after = await submit(b, '乡镇幼儿园扩班', '建议在乡镇扩建幼儿园，解决适龄儿童入园难的问题。');
    expect(after.status).toBe(201);
    expect(['farming', 'schools']).toContain(after.body.domain);
    const again = await submit(b, '乡镇幼儿园扩班', '建议在乡镇扩建幼儿园，解决适龄儿童入园难的问题！');
    expect(again.body.similar.map((s) => s.id)).toContain(after.body.id);
  });
});

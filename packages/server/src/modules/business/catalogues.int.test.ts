import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { IndustrialChain, ProjectList } from './contracts-projects.js';
import type { RequestCategory } from './contracts-requests.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  [office, dept] = await Promise.all([t.as('office'), t.as('dept')]);
});
afterAll(() => t.close());

const auditCount = async (action: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.action, action))
  )[0]!.n;

describe('the industrial chains the office keeps', () => {
  it('renames and retires a chain; its projects show the new name', async () => {
    const before = await office.get<ProjectList>('/api/v1/business/projects?pageSize=100');
    const project = before.body.items.find((p) => p.chainCode === 'food')!;
    expect(project).toBeTruthy();
    const res = await office.patch<IndustrialChain>('/api/v1/business/industrial-chains/food', {
      name: '特色食品和生态农业',
      active: false,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ code: 'food', name: '特色食品和生态农业', active: false });
    const after = await office.get<ProjectList>('/api/v1/business/projects?pageSize=100');
    expect(after.body.items.find((p) => p.id === project.id)?.chainName).toBe('特色食品和生态农业');
  });

  it('adds a chain by name, the code made by the server, placed last', async () => {
    const res = await office.post<IndustrialChain>('/api/v1/business/industrial-chains', {
      name: '新能源汽车',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.code).toMatch(/^c_[0-9a-f]{10}$/);
    const chains = (await office.get<IndustrialChain[]>('/api/v1/business/industrial-chains')).body;
    expect(chains.at(-1)?.name).toBe('新能源汽车');
    expect(await auditCount('chain.create')).toBe(1);
  });

  it('refuses a department, a name too short and an unknown chain, writing nothing', async () => {
    const updates = await auditCount('chain.update');
    expect((await dept.post('/api/v1/business/industrial-chains', { name: '无权新增' })).status).toBe(403);
    const short = await office.post<Problem>('/api/v1/business/industrial-chains', { name: '链' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('VALIDATION');
    expect((await office.patch('/api/v1/business/industrial-chains/nothing', { sort: 3 })).status).toBe(404);
    expect(await auditCount('chain.update')).toBe(updates);
  });
});

describe('the request categories', () => {
  it('are added by name alone, the code made by the server', async () => {
    const res = await office.post<RequestCategory>('/api/v1/business/request-categories', {
      name: '用地保障',
      answerWorkdays: 3,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      name: '用地保障',
      answerWorkdays: 3,
      rectifyWorkdays: 15,
      active: true,
    });
    expect(res.body.code).toMatch(/^c_[0-9a-f]{10}$/);
  });
});

describe("the catalogues' names in what is listed", () => {
  type Listed = { items: Array<{ categoryCode?: string; categoryName?: string; industryName?: string }> };
  const read = (path: string, locale: string) =>
    office.request<Listed>('GET', path, undefined, { 'accept-language': locale });

  it('are in English for a reader of English, where the catalogue has an English name', async () => {
    const categories = (await office.get<RequestCategory[]>('/api/v1/business/request-categories')).body;
    const english = new Map(categories.map((c) => [c.code, c.nameEn]));
    const zh = (await read('/api/v1/business/requests?pageSize=20', 'zh-CN')).body.items;
    const en = (await read('/api/v1/business/requests?pageSize=20', 'en')).body.items;
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.every((r) => /\p{Script=Han}/u.test(r.categoryName!))).toBe(true);
    expect(en.map((r) => r.categoryName)).toEqual(en.map((r) => english.get(r.categoryCode!)));

    const firmsZh = (await read('/api/v1/business/firms?pageSize=5', 'zh-CN')).body.items;
    const firmsEn = (await read('/api/v1/business/firms?pageSize=5', 'en')).body.items;
    expect(firmsZh.every((f) => /\p{Script=Han}/u.test(f.industryName!))).toBe(true);
    expect(firmsEn.every((f) => /^[\x20-\x7e]+$/.test(f.industryName!))).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { loadWorkbook, sheetNames, sheetValues } from '../../test-support/workbook.js';
import { unitBriefs } from '../units/api.js';
import { sampleSuggestion, scopeTowns } from './test-helpers.js';

type StaffStats = {
  byEventKind: Array<{ kind: string; events: number; attendance: number; suggestions: number }>;
  participations: number;
  suggestions: number;
  byTown: Array<{ key: string; n: number }>;
  outsideTowns: number;
  byChannel: Array<{ key: string; n: number }>;
  scope: Array<{ id: string; name: string }> | null;
};

let t: TestContext;
let office: TestClient;
let organiser: TestClient;
let own: string;
let other: string;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  organiser = await t.as('organiser');
  ({ own, other } = await scopeTowns(t.database.db));
  // One suggestion in each town, so that both have something to count today.
  for (const [town, n] of [
    [own, 70],
    [other, 71],
  ] as const)
    await t.client().post('/api/v1/public/suggestions', sampleSuggestion(town, n));
});
afterAll(() => t.close());

describe('staff dashboard', () => {
  it('gives the office the whole district', async () => {
    const res = await office.get<StaffStats>('/api/v1/ideas/stats');
    expect(res.status).toBe(200);
    expect(res.body.scope).toBeNull();
    const pub = await t.client().get<{ participations: number }>('/api/v1/public/stats');
    expect(res.body.participations).toBe(pub.body.participations);
    expect(res.body.byTown.map((c) => c.key)).toEqual(expect.arrayContaining([own, other]));
  });

  it('counts by town only streets, towns and townships; what no town holds is told apart, still in the total', async () => {
    const kinds = new Map((await unitBriefs(t.database.db)).map((u) => [u.id, u.kind]));
    for (const stats of [
      (await office.get<StaffStats>('/api/v1/ideas/stats')).body,
      (await t.client().get<StaffStats>('/api/v1/public/stats')).body,
    ]) {
      const notTowns = stats.byTown.filter(
        (c) => !['subdistrict', 'town', 'township'].includes(kinds.get(c.key) ?? ''),
      );
      expect(notTowns.map((c) => kinds.get(c.key) ?? c.key)).toEqual([]);
      // The demo's events held by district departments (区商务委…) and the district itself.
      expect(stats.outsideTowns).toBeGreaterThan(0);
      expect(stats.byTown.reduce((sum, c) => sum + c.n, 0) + stats.outsideTowns).toBe(stats.participations);
    }
  });

  it('gives an organiser their own street only, with the counts of that street', async () => {
    const res = await organiser.get<StaffStats>('/api/v1/ideas/stats');
    expect(res.status).toBe(200);
    expect(res.body.scope?.map((s) => s.id)).toEqual([own]);
    const towns = res.body.byTown.map((c) => c.key);
    expect(towns).not.toContain(other);
    expect(towns.length).toBeGreaterThan(0);
    const district = await office.get<StaffStats>('/api/v1/ideas/stats');
    const ownInDistrict = district.body.byTown
      .filter((c) => towns.includes(c.key))
      .reduce((s, c) => s + c.n, 0);
    expect(res.body.participations).toBe(ownInDistrict);
    expect(res.body.participations).toBeLessThan(district.body.participations);
    const queue = await organiser.get<{ total: number }>('/api/v1/ideas/suggestions?pageSize=1');
    expect(res.body.suggestions).toBeLessThanOrEqual(queue.body.total);
    expect(res.body.suggestions).toBeGreaterThan(0);
  });

  it('exports the same figures to Excel, in the reader’s language', async () => {
    const stats = await organiser.get<StaffStats>('/api/v1/ideas/stats');
    const res = await organiser.get<Uint8Array>('/api/v1/ideas/stats/export');
    expect(res.status).toBe(200);
    const book = await loadWorkbook(res.body);
    expect(await sheetNames(book)).toEqual([
      '概况',
      '按日',
      '按渠道',
      '按镇街',
      '按身份',
      '按参与方式',
      '按领域',
      '按状态',
      '按活动类型',
    ]);
    const summary = book.getWorksheet('概况')!;
    expect(summary.getRow(4).values).toEqual([undefined, '参与人次', stats.body.participations]);
    expect(String(summary.getRow(3).getCell(2).value)).toBe(stats.body.scope![0]!.name);
    // When it was exported, on Qianjiang's clock as the pages show times, not a UTC timestamp.
    const exportedAt = summary.getColumn(2).values.find((v) => /^\d{4}-\d{2}-\d{2}/.test(String(v)));
    expect(String(exportedAt)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const byChannel = book.getWorksheet('按渠道')!;
    const total = byChannel
      .getColumn(2)
      .values.slice(2)
      .reduce<number>((s, v) => s + Number(v), 0);
    expect(total).toBe(stats.body.participations);
    expect(byChannel.getRow(2).getCell(1).value).toMatch(/线上|书面|上门走访|返乡座谈|活动现场/);
    const en = await organiser.request<Uint8Array>('GET', '/api/v1/ideas/stats/export', undefined, {
      'accept-language': 'en',
    });
    const enBook = await loadWorkbook(en.body);
    expect(enBook.worksheets[0]!.name).toBe('Summary');
    // The domains by their English names, as many suggestions each as in Chinese.
    const zhDomains = (await sheetValues(book, '按领域')).slice(1);
    const enDomains = (await sheetValues(enBook, 'By domain')).slice(1);
    expect(enDomains.map((r) => r[1])).toEqual(zhDomains.map((r) => r[1]));
    expect(enDomains.length).toBeGreaterThan(0);
    for (const [name] of enDomains) expect(String(name)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zhDomains.map((r) => r[0])).toContain('科技创新');
    expect(enDomains.map((r) => r[0])).toContain('Science and innovation');
    // The events per kind, 走出去 and 请回来 named, as on the dashboard.
    const byEventKind = book.getWorksheet('按活动类型')!;
    const kinds = byEventKind.getColumn(1).values.slice(2);
    expect(kinds).toEqual(['座谈会', '演讲比赛', '走访', '论坛', '走出去', '请回来']);
    const goingOut = stats.body.byEventKind.find((f) => f.kind === 'going_out')!;
    expect(byEventKind.getRow(6).values).toEqual([
      undefined,
      '走出去',
      goingOut.events,
      goingOut.attendance,
      goingOut.suggestions,
    ]);
  });

  it('is refused to those who do not screen or organise', async () => {
    for (const role of ['expert1', 'dept', 'supervisor', 'enterprise', 'citizen']) {
      const c = await t.as(role);
      expect((await c.get('/api/v1/ideas/stats')).status).toBe(403);
      expect((await c.get('/api/v1/ideas/stats/export')).status).toBe(403);
    }
    expect((await t.client().get('/api/v1/ideas/stats')).status).toBe(401);
  });
});

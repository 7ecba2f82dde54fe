import { eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { ideaSuggestions } from './schema.js';
import { showOnSubmission, unitId } from './test-helpers.js';
import { indexUnindexedSuggestions } from './text/search-backfill.js';

interface Hit {
  id: string;
  title: string;
  body: string;
  highlights?: { title: { start: number; end: number }[]; body: { start: number; end: number }[] };
}
interface Page {
  total: number;
  items: Hit[];
}

let t: TestContext;
let citizen: TestClient;
const ids: Record<string, string> = {};

/** Suggestions worded as the demo words them (seed/demo-text.ts), sent as a citizen sends them. */
const texts = {
  queue: { title: '优化看病挂号流程', body: '群众反映看病排队时间长，建议推广分时段预约。' },
  cost: { title: '关于医保异地结算的建议', body: '周边区县群众来黔江看病的多，看病贵、报销跑腿多。' },
  parking: { title: '增设城区停车位', body: '上下班高峰期拥堵严重，群众出行不方便。' },
  plumTitle: { title: '做大做强脆红李产业', body: '农产品卖不上价，种植规模小而散。' },
  plumBody: { title: '拓宽农产品销路', body: '建议培育品牌，做大做强脆红李产业，销售渠道单一。' },
  station: { title: '加快布局5G基站', body: '数字经济发展滞后，企业缺少研发支撑。' },
  teachers: { title: '提高乡村教师待遇', body: '优秀教师留不住，建议全面推开。' },
  roads: { title: '加快改造乡村公路', body: '群众出行不方便，存在安全隐患。' },
};

const search = async (q: string, extra = '') =>
  (await t.client().get<Page>(`/api/v1/public/suggestions?q=${encodeURIComponent(q)}&pageSize=100${extra}`))
    .body;
const marked = (text: string, ranges: { start: number; end: number }[] = []) =>
  ranges.map((r) => text.slice(r.start, r.end));

beforeAll(async () => {
  t = await createTestContext();
  await showOnSubmission(await t.as('office'));
  const town = await unitId(t.database.db, 'QJ-S03');
  citizen = t.client('10.77.0.1');
  for (const [key, text] of Object.entries(texts)) {
    const res = await citizen.post<{ id: string }>('/api/v1/public/suggestions', {
      ...text,
      townId: town,
      authorKind: 'resident',
    });
    if (res.status !== 201) throw new Error(`could not submit ${key}: ${JSON.stringify(res.body)}`);
    ids[key] = res.body.id;
  }
  // The demo seed and eight submissions, on a machine that may be busy.
}, 180_000);
afterAll(() => t.close());

describe('word search of the public suggestions', () => {
  it('finds by words what the literal search found nothing for: 看病难', async () => {
    // The old search asked for every jieba word of the query (看病难, one dictionary word) in a
    // suggestion's words, and no suggestion holds that word or even the phrase.
    const literal = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaSuggestions)
      .where(sql`${ideaSuggestions.terms} @> array['看病难']::text[]
        or position('看病难' in ${ideaSuggestions.title} || ${ideaSuggestions.body}) > 0`);
    expect(literal[0]!.n).toBe(0);

    const found = await search('看病难');
    const foundIds = found.items.map((i) => i.id);
    expect(foundIds).toEqual(expect.arrayContaining([ids.queue, ids.cost]));
    expect(foundIds).not.toContain(ids.parking);
    expect(found.items.every((i) => `${i.title}${i.body}`.includes('看病'))).toBe(true);
    expect(found.total).toBe(found.items.length);
  });

  it('folds traditional characters and full-width forms to the same words', async () => {
    const plain = await search('看病难');
    const traditional = await search('看病難');
    expect(traditional.items.map((i) => i.id)).toEqual(plain.items.map((i) => i.id));
    const wide = await search('５Ｇ基站');
    const narrow = await search('5G基站');
    expect(wide.items.map((i) => i.id)).toEqual(narrow.items.map((i) => i.id));
    expect(wide.items.map((i) => i.id)).toContain(ids.station);
  });

  it('ranks a match in the title above one in the body, and sorts by date when asked', async () => {
    const ranked = (await search('脆红李')).items.map((i) => i.id);
    expect(ranked).toContain(ids.plumBody);
    expect(ranked.indexOf(ids.plumTitle!)).toBeLessThan(ranked.indexOf(ids.plumBody!));
    const newest = (await search('脆红李', '&sort=newest')).items.map((i) => i.id);
    expect(newest.indexOf(ids.plumBody!)).toBeLessThan(newest.indexOf(ids.plumTitle!));
  });

  it('ranks a suggestion holding more of the query words first', async () => {
    const ranked = (await search('看病排队')).items.map((i) => i.id);
    // Demo suggestions holding both words may come first by their supports: the test's own two
    // differ only in how many of the words they hold.
    expect(ranked).toContain(ids.queue);
    expect(ranked.indexOf(ids.queue!)).toBeLessThan(ranked.indexOf(ids.cost!));
  });

  it('asks for two of the content words when the query has three or more', async () => {
    const found = await search('乡村教师待遇');
    expect(found.items.map((i) => i.id)).toContain(ids.teachers);
    // 乡村 alone is not enough.
    expect(found.items.map((i) => i.id)).not.toContain(ids.roads);
    const held = (i: Hit) => ['乡村', '教师', '待遇'].filter((w) => `${i.title}${i.body}`.includes(w)).length;
    expect(found.items.every((i) => held(i) >= 2)).toBe(true);
  });

  it('says where the words stand in the title and the body', async () => {
    const found = await search('看病难');
    const queue = found.items.find((i) => i.id === ids.queue)!;
    expect(marked(queue.title, queue.highlights?.title)).toEqual(['看病']);
    expect(marked(queue.body, queue.highlights?.body)).toEqual(['看病']);
    const station = (await search('５Ｇ基站')).items.find((i) => i.id === ids.station)!;
    expect(marked(station.title, station.highlights?.title)).toEqual(['5G基站']);
    const listed = await t.client().get<Page>('/api/v1/public/suggestions?pageSize=5');
    expect(listed.body.items.every((i) => i.highlights === undefined)).toBe(true);
  });

  it('refuses an order it does not know, in the reader’s language', async () => {
    const path = `/api/v1/public/suggestions?q=${encodeURIComponent('看病')}&sort=oldest`;
    type Problem = { title: string; errors: { path: string; code: string }[] };
    const zh = await t.client().request<Problem>('GET', path);
    const en = await t.client().request<Problem>('GET', path, undefined, { 'accept-language': 'en' });
    for (const res of [zh, en]) {
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(
        expect.objectContaining({ path: 'sort', code: 'invalid_value' }),
      );
    }
    expect(zh.body.title).toBe('提交的内容有误');
    expect(en.body.title).toBe('The request is invalid');
  });

  it('matches nothing for a query of stop words or numbers only', async () => {
    expect((await search('的 问题')).total).toBe(0);
    expect((await search('13712345678')).total).toBe(0);
  });

  it('gives the staff screening queue the same word matching', async () => {
    const office = await t.as('office');
    const res = await office.get<Page>(
      `/api/v1/ideas/suggestions?q=${encodeURIComponent('看病难')}&pageSize=100`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.queue, ids.cost]));
  });

  it('fills the search words of every seeded row, and of older rows at start-up', async () => {
    const db = t.database.db;
    const unindexed = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(ideaSuggestions)
          .where(isNull(ideaSuggestions.titleWords))
      )[0]!.n;
    expect(await unindexed()).toBe(0);
    await db
      .update(ideaSuggestions)
      .set({ titleWords: null, bodyWords: null })
      .where(eq(ideaSuggestions.id, ids.queue!));
    expect((await search('看病排队')).items.map((i) => i.id)).not.toContain(ids.queue);
    expect(await indexUnindexedSuggestions(db, 2)).toBe(1);
    expect(await unindexed()).toBe(0);
    const again = (await search('看病排队')).items.map((i) => i.id);
    expect(again.indexOf(ids.queue!)).toBeGreaterThanOrEqual(0);
    expect(again.indexOf(ids.queue!)).toBeLessThan(again.indexOf(ids.cost!));
  });
});

import { isCitationWord } from '@qianxing/core/text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

type Candidate = { title: string; keywords: string[]; memberIds: string[] };
type Entry = { id: string; title: string; memberIds: string[] };
type List = { kind: string; entries: Entry[] };

describe('十大难题 as citizens read them', () => {
  it('are proposed with a sentence for a title and citations of their own, free of generic words', async () => {
    const res = await office.get<Candidate[]>('/api/v1/ideas/lists/hard_problem/candidates');
    expect(res.status).toBe(200);
    const ten = res.body.slice(0, 10);
    expect(ten.length).toBe(10);
    for (const c of ten) {
      expect([...c.title].length).toBeLessThanOrEqual(40);
      // A whole sentence: no end mark inside, and a cut one ends with "…".
      expect(c.title).not.toMatch(/[。！？；]/);
      for (const w of c.keywords) expect(isCitationWord(w), w).toBe(true);
      for (const w of ['不上', '不断', '存在']) expect(c.keywords).not.toContain(w);
    }
    const cited = ten.flatMap((c) => c.keywords);
    expect(new Set(cited).size).toBe(cited.length);
  });

  it('open onto the suggestions behind each once published, and not before', async () => {
    const drafts = await office.get<Array<List & { id: string | null }>>('/api/v1/ideas/lists');
    const draft = drafts.body.find((l) => l.kind === 'hard_problem')!;
    expect(draft.entries.length).toBeGreaterThan(0);
    const early = await t.client().get(`/api/v1/public/lists/entries/${draft.entries[0]!.id}/suggestions`);
    expect(early.status).toBe(404);
    const published = await office.post('/api/v1/ideas/lists/hard_problem/publish');
    expect(published.status).toBe(200);
    const lists = await t.client().get<List[]>('/api/v1/public/lists');
    const hard = lists.body.find((l) => l.kind === 'hard_problem')!;
    const entry = hard.entries[0]!;
    const behind = await t
      .client()
      .get<Array<{ id: string; status: string }>>(`/api/v1/public/lists/entries/${entry.id}/suggestions`);
    expect(behind.status).toBe(200);
    expect(behind.body.length).toBeGreaterThan(0);
    for (const s of behind.body) {
      expect(entry.memberIds).toContain(s.id);
      expect(['accepted', 'adopted', 'merged']).toContain(s.status);
    }
    const unknown = await t.client().get(`/api/v1/public/lists/entries/${crypto.randomUUID()}/suggestions`);
    expect(unknown.status).toBe(404);
  });
});

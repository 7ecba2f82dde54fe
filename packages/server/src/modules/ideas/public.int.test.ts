import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { freshPhone, supportAnonymously } from '../../test-support/factories-ideas.js';
import { ideaParticipations, ideaSuggestions } from './schema.js';
import { auditRows, sampleSuggestion, showOnSubmission, unitId } from './test-helpers.js';
import { ideasEngine } from './text/engine.js';

let t: TestContext;
let town: string;
beforeAll(async () => {
  t = await createTestContext();
  town = await unitId(t.database.db, 'QJ-S03');
  await showOnSubmission(await t.as('office'));
});
afterAll(() => t.close());

interface Submitted {
  id: string;
  trackingCode: string;
  domain: string;
  domainConfidence: number;
  similar: Array<{ id: string; title: string; similarity: number }>;
}

describe('public intake', () => {
  it('shows the current campaign with its domains', async () => {
    const res = await t
      .client()
      .get<{ theme: string; domains: Array<{ code: string }> }>('/api/v1/public/campaign');
    expect(res.status).toBe(200);
    expect(res.body.theme).toBe('迎接高铁时代 建设中心城市');
    expect(res.body.domains.map((d) => d.code)).toContain('transport');
  });

  it('takes a suggestion: classified, tracked, counted and audited', async () => {
    const res = await t.client().post<Submitted>('/api/v1/public/suggestions', {
      ...sampleSuggestion(town, 1),
      realName: '张三',
      phone: '13912345678',
    });
    expect(res.status).toBe(201);
    expect(res.body.trackingCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(res.body.domain).toBe('transport');
    expect(res.body.domainConfidence).toBeGreaterThan(0);
    const [row] = await t.database.db
      .select()
      .from(ideaSuggestions)
      .where(eq(ideaSuggestions.id, res.body.id));
    expect(row!.channel).toBe('online');
    expect(row!.tokens.split(' ')).toContain('高铁');
    const parts = await t.database.db
      .select()
      .from(ideaParticipations)
      .where(eq(ideaParticipations.suggestionId, res.body.id));
    expect(parts.map((p) => p.kind)).toEqual(['submission']);
    const [event] = await auditRows(t.database.db, 'suggestion.submit', res.body.id);
    expect(JSON.stringify(event!.after)).not.toContain('13912345678');
    expect(JSON.stringify(event!.after)).not.toContain('张三');
  });

  it('warns of a near duplicate of an earlier suggestion', async () => {
    const first = await t.client().post<Submitted>('/api/v1/public/suggestions', sampleSuggestion(town, 2));
    const again = await t.client().post<Submitted>('/api/v1/public/suggestions', sampleSuggestion(town, 3));
    expect(again.body.similar.map((s) => s.id)).toContain(first.body.id);
    const similar = await t
      .client()
      .post<{ domain: { code: string }; similar: Array<{ id: string }> }>(
        '/api/v1/public/suggestions/similar',
        { text: sampleSuggestion(town, 2).body },
      );
    expect(similar.status).toBe(200);
    expect(similar.body.similar.map((s) => s.id)).toContain(first.body.id);
  });

  it('builds the index again in a new text worker when the old one is gone', async () => {
    const first = await t.client().post<Submitted>('/api/v1/public/suggestions', sampleSuggestion(town, 4));
    await ideasEngine.close();
    const again = await t.client().post<Submitted>('/api/v1/public/suggestions', sampleSuggestion(town, 5));
    expect(again.status).toBe(201);
    expect(again.body.similar.map((s) => s.id)).toContain(first.body.id);
  });

  it('refuses bad input: unknown town, unknown domain, short body, extra fields', async () => {
    const c = t.client();
    const dept = await unitId(t.database.db, 'QJ-D01');
    for (const body of [
      sampleSuggestion(dept),
      { ...sampleSuggestion(town), domain: 'nonsense' },
      { ...sampleSuggestion(town), body: '短' },
      { ...sampleSuggestion(town), status: 'adopted' },
      { ...sampleSuggestion(town), phone: '12345' },
    ]) {
      const res = await c.post<{ code: string }>('/api/v1/public/suggestions', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('rate-limits submissions per address', async () => {
    const c = t.client('10.9.9.9');
    let last = 0;
    for (let i = 0; i < 32; i++)
      last = (await c.post('/api/v1/public/suggestions', sampleSuggestion(town, 100 + i))).status;
    expect(last).toBe(429);
  });

  it('searches by jieba words, never shows personal data, and hides rejected ones', async () => {
    const res = await t
      .client()
      .get<{ total: number; items: Array<Record<string, unknown>> }>(
        `/api/v1/public/suggestions?q=${encodeURIComponent('高铁 公交')}&pageSize=100`,
      );
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('张三');
    expect(res.body.items.every((i) => !('phone' in i) && !('realName' in i))).toBe(true);
    const rejected = await t.client().get<{ total: number }>('/api/v1/public/suggestions?status=rejected');
    expect(rejected.body.total).toBe(0);
    const recent = await t
      .client()
      .get<Array<{ id: string; body: string }>>('/api/v1/public/suggestions/recent?limit=5');
    expect(recent.body).toHaveLength(5);
  });

  it('reads one suggestion, and 404s an unknown one', async () => {
    const made = await t.client().post<Submitted>('/api/v1/public/suggestions', sampleSuggestion(town, 4));
    const res = await t.client().get<{ id: string }>(`/api/v1/public/suggestions/${made.body.id}`);
    expect(res.body.id).toBe(made.body.id);
    expect((await t.client().get(`/api/v1/public/suggestions/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('masks a phone or ID number typed into a suggestion wherever the public reads it', async () => {
    const body = '小区门口路灯坏了一个月，联系我13812345678，身份证500114199001011234';
    const made = await t
      .client()
      .post<Submitted>('/api/v1/public/suggestions', { ...sampleSuggestion(town, 5), body });
    const res = await t.client().get<{ body: string }>(`/api/v1/public/suggestions/${made.body.id}`);
    expect(res.body.body).toBe('小区门口路灯坏了一个月，联系我138****5678，身份证5001**********1234');
    const track = await t
      .client()
      .get<{ suggestion: { body: string } }>(`/api/v1/public/track/${made.body.trackingCode}`);
    expect(track.body.suggestion.body).toBe(res.body.body);
    const recent = await t
      .client()
      .get<Array<{ id: string; body: string }>>('/api/v1/public/suggestions/recent?limit=5');
    expect(recent.body.find((r) => r.id === made.body.id)?.body).toContain('138****5678');
    // The near-duplicate list names it by a title that is masked too.
    const title = '路灯坏了请联系13812345678';
    const titled = await t
      .client()
      .post<Submitted>('/api/v1/public/suggestions', { ...sampleSuggestion(town, 6), title, body });
    const similar = await t
      .client()
      .post<{ similar: Array<{ id: string; title: string }> }>('/api/v1/public/suggestions/similar', {
        text: `${title} ${body}`,
      });
    expect(similar.body.similar.find((s) => s.id === titled.body.id)?.title).toBe(
      '路灯坏了请联系138****5678',
    );
    expect(JSON.stringify(similar.body)).not.toContain('13812345678');
  });

  it('cannot look a person up by a number typed into a suggestion', async () => {
    const body = '楼下噪音扰民，我的电话13712345678，请尽快处理';
    await t.client().post('/api/v1/public/suggestions', { ...sampleSuggestion(town, 7), body });
    const found = await t
      .client()
      .get<{ total: number }>(`/api/v1/public/suggestions?q=${encodeURIComponent('13712345678')}`);
    expect(found.body.total).toBe(0);
    // Rows indexed before numbers were masked lose such words to migration 0005.
    const [row] = await t.database.db
      .update(ideaSuggestions)
      .set({ tokens: '楼下 噪音 13712345678 500114199001011234 处理' })
      .where(eq(ideaSuggestions.body, body))
      .returning({ id: ideaSuggestions.id });
    const migration = readFileSync(
      new URL('../../../drizzle/0005_mask_numbers_in_search.sql', import.meta.url),
      'utf8',
    );
    await t.database.db.execute(sql.raw(migration));
    const [after] = await t.database.db
      .select({ tokens: ideaSuggestions.tokens, terms: ideaSuggestions.terms })
      .from(ideaSuggestions)
      .where(eq(ideaSuggestions.id, row!.id));
    expect(after).toEqual({ tokens: '楼下 噪音 处理', terms: ['楼下', '噪音', '处理'] });
  });

  it('counts a support once per person, with a participation and an audit row', async () => {
    const made = await t.client().post<Submitted>('/api/v1/public/suggestions', sampleSuggestion(town, 5));
    const anon = t.client();
    const phone = freshPhone();
    const first = await supportAnonymously(t, anon, made.body.id, phone);
    const second = await supportAnonymously(t, t.client(), made.body.id, phone);
    expect(first.body).toEqual({ supports: 1, counted: true });
    expect(second.body.counted).toBe(false);
    const citizen = await t.as('citizen');
    await citizen.post(`/api/v1/public/suggestions/${made.body.id}/support`);
    const again = await citizen.post<{ supports: number; counted: boolean }>(
      `/api/v1/public/suggestions/${made.body.id}/support`,
    );
    expect(again.body).toEqual({ supports: 2, counted: false });
    expect(await auditRows(t.database.db, 'suggestion.support', made.body.id)).toHaveLength(2);
  });

  it('tracks a suggestion by its code', async () => {
    const made = await t.client().post<Submitted>('/api/v1/public/suggestions', sampleSuggestion(town, 6));
    const res = await t
      .client()
      .get<{ suggestion: { id: string; status: string }; timeline: Array<{ kind: string }> }>(
        `/api/v1/public/track/${made.body.trackingCode}`,
      );
    expect(res.body.suggestion).toMatchObject({ id: made.body.id, status: 'submitted' });
    expect(res.body.timeline.map((e) => e.kind)).toEqual(['submitted']);
    expect((await t.client().get('/api/v1/public/track/ZZZZZZZZZZ')).status).toBe(404);
  });

  it('refuses an address trying more tracking codes than a person would, and no other address', async () => {
    const guesser = t.client('10.70.0.1');
    const answers: number[] = [];
    for (let i = 0; i < 31; i++)
      answers.push((await guesser.get(`/api/v1/public/track/GUESS${String(i).padStart(5, '0')}`)).status);
    expect(answers.slice(0, 30).every((s) => s === 404)).toBe(true);
    const refused = await guesser.get<{ code: string }>('/api/v1/public/track/GUESS99999');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.client('10.70.0.2').get('/api/v1/public/track/GUESS99999')).status).toBe(404);
  });

  it('gives the campaign figures, lists and actions', async () => {
    const stats = await t
      .client()
      .get<{ participations: number; suggestions: number; byChannel: Array<{ key: string }> }>(
        '/api/v1/public/stats',
      );
    expect(stats.status).toBe(200);
    expect(stats.body.participations).toBeGreaterThan(stats.body.suggestions);
    expect(stats.body.byChannel.map((c) => c.key)).toContain('online');
    const again = await t.client().get<{ participations: number }>('/api/v1/public/stats');
    expect(again.body.participations).toBe(stats.body.participations);
    const lists = await t.client().get<Array<{ kind: string; entries: unknown[] }>>('/api/v1/public/lists');
    // The demo publishes golden and good ideas; the hardest problems await the office.
    expect(lists.body.map((l) => l.kind)).toEqual(['golden_idea', 'good_idea']);
    const actions = await t.client().get<Array<{ updates: unknown[] }>>('/api/v1/public/actions');
    expect(actions.body.length).toBeGreaterThan(0);
  });
});

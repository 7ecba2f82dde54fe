import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { freshPhone, supportAnonymously } from '../../test-support/factories-ideas.js';
import { ideaParticipations, ideaSuggestions, ideaTimeline } from './schema.js';
import { auditRows, sampleSuggestion, scopeTowns, showOnSubmission } from './test-helpers.js';

let t: TestContext;
let own: string;
let other: string;
let organiser: TestClient;
let screener: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  ({ own, other } = await scopeTowns(t.database.db));
  organiser = await t.as('organiser');
  screener = await t.as('screener');
  await showOnSubmission(await t.as('office'));
});
afterAll(() => t.close());

const submit = async (townId: string, n: number) =>
  (
    await t
      .client()
      .post<{ id: string; trackingCode: string }>('/api/v1/public/suggestions', sampleSuggestion(townId, n))
  ).body;

describe('screening', () => {
  it('shows an organiser only the suggestions of their own street, and a screener all', async () => {
    const mine = await organiser.get<{
      total: number;
      items: Array<{ townId: string; phone: string | null }>;
    }>('/api/v1/ideas/suggestions?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((s) => s.townId === own)).toBe(true);
    const all = await screener.get<{ total: number }>('/api/v1/ideas/suggestions?pageSize=1');
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    const masked = await screener.get<{ items: Array<{ phone: string | null }> }>(
      '/api/v1/ideas/suggestions?pageSize=100',
    );
    for (const s of masked.body.items) if (s.phone) expect(s.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('sends each row with the names of its domain and town, so the grid shows no code', async () => {
    const s = await submit(other, 40);
    const page = await screener.get<{
      items: Array<{ id: string; domain: string; domainName: string | null; townName: string | null }>;
    }>('/api/v1/ideas/suggestions?pageSize=100');
    const campaign = await t
      .client()
      .get<{ domains: Array<{ code: string; name: string }> }>('/api/v1/public/campaign');
    const names = new Map(campaign.body.domains.map((d) => [d.code, d.name]));
    const units = await screener.get<Array<{ id: string; name: string }>>('/api/v1/units');
    const town = units.body.find((u) => u.id === other)!.name;
    const row = page.body.items.find((i) => i.id === s.id)!;
    expect(row.townName).toBe(town);
    expect(row.domainName).toBeTruthy();
    for (const item of page.body.items) expect(item.domainName).toBe(names.get(item.domain));
    const one = await screener.get<{ domainName: string; townName: string }>(
      `/api/v1/ideas/suggestions/${s.id}`,
    );
    expect(one.body).toMatchObject({ townName: town, domainName: row.domainName });
  });

  it('refuses an organiser another town’s suggestion, to read or to change', async () => {
    const s = await submit(other, 1);
    expect((await organiser.get(`/api/v1/ideas/suggestions/${s.id}`)).status).toBe(404);
    const res = await organiser.post(`/api/v1/ideas/suggestions/${s.id}/screen`, { decision: 'accept' });
    expect(res.status).toBe(404);
    const bulk = await organiser.post('/api/v1/ideas/screening/bulk', { ids: [s.id], decision: 'accept' });
    expect(bulk.status).toBe(404);
    const [row] = await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, s.id));
    expect(row!.status).toBe('submitted');
    expect((await (await t.as('citizen')).get('/api/v1/ideas/suggestions')).status).toBe(403);
    expect((await t.client().get('/api/v1/ideas/suggestions')).status).toBe(401);
  });

  it('accepts with the near-duplicate group shown, notifies and audits', async () => {
    const a = await submit(own, 2);
    const b = await submit(own, 3);
    const item = await organiser.get<{ duplicates: Array<{ id: string }> }>(
      `/api/v1/ideas/suggestions/${b.id}`,
    );
    expect(item.body.duplicates.map((d) => d.id)).toContain(a.id);
    const res = await organiser.post(`/api/v1/ideas/suggestions/${a.id}/screen`, { decision: 'accept' });
    expect(res.status).toBe(200);
    expect(await auditRows(t.database.db, 'suggestion.accept', a.id)).toHaveLength(1);
    const track = await t
      .client()
      .get<{ suggestion: { status: string }; notifications: Array<{ key: string }> }>(
        `/api/v1/public/track/${a.trackingCode}`,
      );
    expect(track.body.suggestion.status).toBe('accepted');
    expect(track.body.notifications.map((n) => n.key)).toContain('ideas.notice.accepted');
    const again = await organiser.post(`/api/v1/ideas/suggestions/${a.id}/screen`, { decision: 'accept' });
    expect(again.status).toBe(422);
  });

  it('rejects only with a reason from the campaign list', async () => {
    const s = await submit(own, 4);
    const bad = await screener.post(`/api/v1/ideas/suggestions/${s.id}/screen`, {
      decision: 'reject',
      reason: 'boring',
    });
    expect(bad.status).toBe(400);
    const ok = await screener.post(`/api/v1/ideas/suggestions/${s.id}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    expect(ok.status).toBe(200);
    expect((await t.client().get(`/api/v1/public/suggestions/${s.id}`)).status).toBe(404);
    const [event] = await auditRows(t.database.db, 'suggestion.reject', s.id);
    expect(event!.after).toMatchObject({ status: 'rejected', rejectReason: 'off_topic' });
  });

  it('rejects with a reason the office wrote in its own words, which the author then sees', async () => {
    const office = await t.as('office');
    const campaign = await t.client().get<{ id: string; rejectReasons: string[] }>('/api/v1/public/campaign');
    const reason = '已有政策覆盖，请咨询街道便民服务中心';
    const tooLong = await office.patch(`/api/v1/ideas/campaigns/${campaign.body.id}`, {
      rejectReasons: [...campaign.body.rejectReasons, '很'.repeat(41)],
    });
    expect(tooLong.status).toBe(400);
    const hidden = await office.patch<{ errors: Array<{ code: string }> }>(
      `/api/v1/ideas/campaigns/${campaign.body.id}`,
      {
        rejectReasons: [...campaign.body.rejectReasons, '已覆盖\u0000'],
      },
    );
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors.map((e) => e.code)).toEqual(['invalid_format']);
    const saved = await office.patch<{ rejectReasons: string[] }>(
      `/api/v1/ideas/campaigns/${campaign.body.id}`,
      {
        rejectReasons: [...campaign.body.rejectReasons, ` ${reason} `],
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.rejectReasons).toContain(reason);
    const s = await submit(own, 7);
    const res = await screener.post(`/api/v1/ideas/suggestions/${s.id}/screen`, {
      decision: 'reject',
      reason,
    });
    expect(res.status).toBe(200);
    const track = await t
      .client()
      .get<{ timeline: Array<{ kind: string; params: Record<string, unknown> }> }>(
        `/api/v1/public/track/${s.trackingCode}`,
      );
    expect(track.body.timeline.find((e) => e.kind === 'rejected')?.params).toEqual({ reason });
  });

  it('merges: supports and participations carry over, the author is told', async () => {
    const from = await submit(own, 5);
    const into = await submit(own, 6);
    await supportAnonymously(t, t.client('10.7.0.1'), from.id);
    await supportAnonymously(t, t.client('10.7.0.2'), from.id);
    const res = await screener.post(`/api/v1/ideas/suggestions/${from.id}/screen`, {
      decision: 'merge',
      into: into.id,
    });
    expect(res.status).toBe(200);
    const [target] = await t.database.db
      .select()
      .from(ideaSuggestions)
      .where(eq(ideaSuggestions.id, into.id));
    expect(target!.supports).toBe(2);
    const [moved] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaParticipations)
      .where(eq(ideaParticipations.suggestionId, into.id));
    expect(moved!.n).toBe(4);
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.trackingCode, from.trackingCode), eq(notifications.key, 'ideas.notice.merged')),
      );
    expect(notes).toHaveLength(1);
    expect(await auditRows(t.database.db, 'suggestion.merge', from.id)).toHaveLength(1);
    const self = await screener.post(`/api/v1/ideas/suggestions/${into.id}/screen`, {
      decision: 'merge',
      into: into.id,
    });
    expect(self.status).toBe(422);
  });

  it('merges an anonymous supporter as the same phone: supporting the target again counts nothing', async () => {
    const from = await submit(own, 8);
    const into = await submit(own, 9);
    const phone = freshPhone();
    // One phone supported both, from different browsers and addresses; another only the first.
    await supportAnonymously(t, t.client('10.7.1.1'), from.id, phone);
    await supportAnonymously(t, t.client('10.7.1.2'), into.id, phone);
    const other = freshPhone();
    await supportAnonymously(t, t.client('10.7.1.3'), from.id, other);
    const res = await screener.post(`/api/v1/ideas/suggestions/${from.id}/screen`, {
      decision: 'merge',
      into: into.id,
    });
    expect(res.status).toBe(200);
    const supportsOf = async () =>
      (await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, into.id)))[0]!
        .supports;
    expect(await supportsOf()).toBe(2);
    const again = await supportAnonymously(t, t.client('10.7.1.4'), into.id, other);
    expect(again.body).toEqual({ supports: 2, counted: false });
    expect(await supportsOf()).toBe(2);
  });

  it('reclassifies (a label for the classifier) and screens in bulk', async () => {
    const s = await submit(own, 7);
    const res = await screener.post(`/api/v1/ideas/suggestions/${s.id}/screen`, {
      decision: 'reclassify',
      domain: 'tourism',
    });
    expect(res.status).toBe(200);
    const [row] = await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, s.id));
    expect(row).toMatchObject({ domain: 'tourism', domainConfirmed: true });
    expect(await auditRows(t.database.db, 'suggestion.reclassify', s.id)).toHaveLength(1);
    const x = await submit(own, 8);
    const y = await submit(own, 9);
    const bulk = await screener.post<{ updated: number }>('/api/v1/ideas/screening/bulk', {
      ids: [x.id, y.id],
      decision: 'accept',
    });
    expect(bulk.body.updated).toBe(2);
    const missing = await screener.post('/api/v1/ideas/screening/bulk', { ids: [x.id], decision: 'reject' });
    expect(missing.status).toBe(400);
  });

  it('takes written suggestions from organisers for their own towns only', async () => {
    const ok = await organiser.post<{ id: string }>('/api/v1/ideas/suggestions', {
      ...sampleSuggestion(own, 10),
      channel: 'written',
      realName: '李四',
      phone: '13800001111',
    });
    expect(ok.status).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(ideaSuggestions)
      .where(eq(ideaSuggestions.id, ok.body.id));
    expect(row).toMatchObject({ channel: 'written', authorUserId: null });
    const timeline = await t.database.db
      .select()
      .from(ideaTimeline)
      .where(eq(ideaTimeline.suggestionId, ok.body.id));
    expect(timeline.map((e) => e.kind)).toEqual(['submitted']);
    const no = await organiser.post('/api/v1/ideas/suggestions', {
      ...sampleSuggestion(other, 11),
      channel: 'written',
    });
    expect(no.status).toBe(403);
  });
});

describe('imports', () => {
  const csv = (rows: string[]) =>
    ['title,body,townCode,authorKind,channel,domain,realName,phone', ...rows].join('\n');
  const good = [
    '建议改造城西老旧小区,城西街道老旧小区管网老化，建议纳入改造计划，加装电梯。,QJ-S03,resident,written,governance,王五,13700001234',
    '打造南溪号子文化品牌,建议把南溪号子做成文化品牌，进校园传承，开发文创产品。,QJ-S03,student,outreach,,,',
  ];
  const send = (c: TestClient, body: string) =>
    c.request<{ created?: number; skipped?: number; errors?: Array<{ path: string }> }>(
      'POST',
      '/api/v1/ideas/import',
      body,
      { 'content-type': 'text/csv' },
    );

  it('reports every bad row and writes nothing', async () => {
    const res = await send(
      organiser,
      csv([...good, '短,短,QJ-XX,alien,written,,,', `${good[0]!.replace('QJ-S03', 'QJ-T01')}`]),
    );
    expect(res.status).toBe(400);
    const paths = res.body.errors!.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['row 4.townCode', 'row 4.title', 'row 4.authorKind', 'row 5.townCode']),
    );
    const [n] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaSuggestions)
      .where(sql`import_key is not null`);
    expect(n!.n).toBe(0);
  });

  it('imports once: the same file again adds nothing', async () => {
    const first = await send(organiser, csv(good));
    expect(first.body).toEqual({ created: 2, skipped: 0, skippedRows: [] });
    const again = await send(organiser, csv(good));
    expect(again.body).toMatchObject({ created: 0, skipped: 2 });
    expect((again.body as { skippedRows: unknown[] }).skippedRows).toHaveLength(2);
    expect(await auditRows(t.database.db, 'suggestion.import')).toHaveLength(1);
    const template = await organiser.get('/api/v1/ideas/import/template');
    expect(template.status).toBe(200);
    expect((await send(await t.as('expert1'), csv(good))).status).toBe(403);
  });
});

describe('events', () => {
  it('counts attendance as participations and keeps the count in step', async () => {
    const count = async (id: string) =>
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(ideaParticipations)
          .where(eq(ideaParticipations.eventId, id))
      )[0]!.n;
    const res = await organiser.post<{ id: string; attendanceCount: number }>('/api/v1/ideas/events', {
      kind: 'symposium',
      title: '城西街道企业座谈会',
      heldOn: '2020-05-10',
      organiserUnitId: own,
      attendanceCount: 28,
    });
    expect(res.status).toBe(201);
    expect(await count(res.body.id)).toBe(28);
    const up = await organiser.patch<{ attendanceCount: number }>(`/api/v1/ideas/events/${res.body.id}`, {
      attendanceCount: 30,
    });
    expect(up.body.attendanceCount).toBe(30);
    expect(await count(res.body.id)).toBe(30);
    await organiser.patch(`/api/v1/ideas/events/${res.body.id}`, { attendees: ['甲', '乙'] });
    expect(await count(res.body.id)).toBe(2);
    expect(await auditRows(t.database.db, 'event.update', res.body.id)).toHaveLength(2);
    const linked = await organiser.post<{ id: string }>('/api/v1/ideas/suggestions', {
      ...sampleSuggestion(own, 12),
      channel: 'event',
      eventId: res.body.id,
    });
    const read = await organiser.get<{ suggestionIds: string[] }>(`/api/v1/ideas/events/${res.body.id}`);
    expect(read.body.suggestionIds).toEqual([linked.body.id]);
    // The list counts them too (its 收集建议 column read 0 for every event).
    const list = await organiser.get<{ items: Array<{ id: string; suggestionIds: string[] }> }>(
      '/api/v1/ideas/events',
    );
    expect(list.body.items.find((e) => e.id === res.body.id)?.suggestionIds).toEqual([linked.body.id]);
    const elsewhere = await organiser.post('/api/v1/ideas/events', {
      kind: 'visit',
      title: '别处走访',
      heldOn: '2020-05-10',
      organiserUnitId: other,
    });
    expect(elsewhere.status).toBe(403);
  });
});

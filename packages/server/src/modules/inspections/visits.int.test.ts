import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import { attachments, notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { accountsByIds, userIdByLogin } from '../users/api.js';
import type { Visit, VisitBrief, VisitCheck, VisitResult } from './contracts-visits.js';
import {
  inspectionFindings,
  inspectionInspectors,
  inspectionPlans,
  inspectionVisitRatings,
  inspectionVisits,
} from './schema.js';
import { auditOf, pngBytes } from './test-helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

type VisitRow = typeof inspectionVisits.$inferSelect;

/** The demo's published week: its visits still to do, each with the logins of its team. */
async function plannedVisits() {
  const rows = await t.database.db
    .select({ visit: inspectionVisits })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(and(eq(inspectionPlans.status, 'published'), eq(inspectionVisits.status, 'planned')));
  const inspectors = await t.database.db.select().from(inspectionInspectors);
  const accounts = await accountsByIds(
    t.database.db,
    inspectors.map((i) => i.userId),
  );
  const loginOf = new Map(inspectors.map((i) => [i.id, accounts.get(i.userId)!.login]));
  return {
    visits: rows.map((r) => ({ ...r.visit, logins: r.visit.inspectorIds.map((i) => loginOf.get(i)!) })),
    allLogins: [...loginOf.values()],
    loginOf,
  };
}

const findingsOf = (visitId: string) =>
  t.database.db
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.visitId, visitId))
    .orderBy(inspectionFindings.id);

describe('visits (检查): the checklist on a phone, the code, the firm’s results', () => {
  let visit: VisitRow & { logins: string[] };
  let other: VisitRow & { logins: string[] };
  let inspector: TestClient;
  let outsider: TestClient;
  let firm: TestClient;
  let detail: Visit;

  it('seeds a published week with visits done, under way and to do', async () => {
    const { visits, allLogins } = await plannedVisits();
    expect(visits.length).toBeGreaterThanOrEqual(2);
    [visit, other] = visits as [typeof visit, typeof visit];
    inspector = await t.as(visit.logins[0]!);
    outsider = await t.as(allLogins.find((l) => !visit.logins.includes(l))!);
    const done = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.status, 'completed'));
    expect(done.length).toBeGreaterThan(0);
    // The firm's staff account of the demo, made the staff of the visited firm.
    const firmUser = (await userIdByLogin(t.database.db, 'firm1'))!;
    await t.database.db.execute(
      sql`update business_firm_members set firm_id = ${visit.firmId} where user_id = ${firmUser}`,
    );
    firm = await t.as('firm1');
  });

  it('shows an inspector only the visits they are on', async () => {
    const mine = await inspector.get<VisitBrief[]>('/api/v1/inspections/visits');
    expect(mine.status).toBe(200);
    expect(mine.body.map((v) => v.id)).toContain(visit.id);
    const theirs = await outsider.get<VisitBrief[]>('/api/v1/inspections/visits');
    expect(theirs.body.map((v) => v.id)).not.toContain(visit.id);
    expect((await outsider.get(`/api/v1/inspections/visits/${visit.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/inspections/visits/${visit.id}/start`)).status).toBe(404);
    // A department's staff who inspect nothing have no visits; a firm may not start one.
    expect((await (await t.as('dept')).get<VisitBrief[]>('/api/v1/inspections/visits')).body).toEqual([]);
    expect((await firm.post(`/api/v1/inspections/visits/${visit.id}/start`)).status).toBe(403);
    // The district office reads it, and takes no team step: it may only move it to another day.
    const office = await (await t.as('office')).get<Visit>(`/api/v1/inspections/visits/${visit.id}`);
    expect(office.status).toBe(200);
    expect(office.body.allowed).toEqual(['reschedule']);

    const res = await inspector.get<Visit>(`/api/v1/inspections/visits/${visit.id}`);
    expect(res.status).toBe(200);
    detail = res.body;
    expect(detail.status).toBe('planned');
    expect(detail.allowed).toEqual(['start']);
    expect(detail.code).toMatch(/^[0-9a-f]{32}$/);
    expect(detail.items.length).toBeGreaterThan(0);
    expect(detail.items.every((i) => i.finding === null && i.legalBasis !== '')).toBe(true);
  });

  it('shows the code’s public page: team, items with legal basis and date; nothing for an unknown code; no codes tried in bulk from one address (each look-up counts)', async () => {
    const anyone = t.client();
    const res = await anyone.get<VisitCheck>(`/api/v1/public/inspections/check/${detail.code}`);
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(visit.date);
    expect(res.body.team).toEqual(detail.team);
    expect(res.body.team.every((m) => Object.keys(m).sort().join() === 'name,unit')).toBe(true);
    expect(res.body.items.map((i) => i.name).sort()).toEqual(detail.items.map((i) => i.name).sort());
    expect(JSON.stringify(res.body)).not.toMatch(/1\d{10}/);
    for (const code of ['0'.repeat(32), 'not-a-code']) {
      const missing = await anyone.request<{ code: string; title: string }>(
        'GET',
        `/api/v1/public/inspections/check/${code}`,
        undefined,
        { 'accept-language': 'en' },
      );
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('NOT_FOUND');
      expect(missing.body.title).toBe('Not found');
    }
    const trier = t.client('10.77.0.1');
    for (let n = 0; n < 30; n++)
      expect((await trier.get(`/api/v1/public/inspections/check/${n}`)).status).toBe(404);
    expect((await trier.get(`/api/v1/public/inspections/check/${detail.code}`)).status).toBe(429);
  });

  it('refuses findings before the start, and lets one of two racing starts win', async () => {
    const item = detail.items[0]!.id;
    const early = await inspector.put<{ code: string }>(
      `/api/v1/inspections/visits/${visit.id}/findings/${item}`,
      { result: 'compliant' },
    );
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('INVALID_STATE');
    const second = await t.as(visit.logins[1]!);
    const both = await Promise.all([
      inspector.post<Visit>(`/api/v1/inspections/visits/${visit.id}/start`),
      second.post<Visit>(`/api/v1/inspections/visits/${visit.id}/start`),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 422]);
    expect((await findingsOf(visit.id)).length).toBe(0);
    expect(await auditOf(t, visit.id)).toEqual(['inspectionVisit.start']);
  });

  it('does not start a visit before its date', async () => {
    await t.database.db
      .update(inspectionVisits)
      .set({ date: '2099-01-05' })
      .where(eq(inspectionVisits.id, other.id));
    const team = await t.as(other.logins[0]!);
    const res = await team.post<{ code: string; errors: Array<{ code: string }> }>(
      `/api/v1/inspections/visits/${other.id}/start`,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0]!.code).toBe('before_visit_date');
    const [row] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, other.id));
    expect(row!.status).toBe('planned');
  });

  it('refuses bad findings with a reason and writes nothing', async () => {
    const path = (item: string) => `/api/v1/inspections/visits/${visit.id}/findings/${item}`;
    const item = detail.items[0]!.id;
    const cases: Array<[string, unknown, string]> = [
      [crypto.randomUUID(), { result: 'compliant' }, 'item_not_in_visit'],
      [item, { result: 'issue', note: '灭火器过期' }, 'required'],
      [item, { result: 'compliant', deadlineDays: 5 }, 'only_for_issue'],
      [item, { result: 'issue', requirement: '更换', deadlineDays: 0 }, 'too_small'],
      [item, { result: 'maybe' }, 'invalid_value'],
    ];
    for (const [target, body, code] of cases) {
      const res = await inspector.put<{ code: string; errors: Array<{ code: string }> }>(path(target), body);
      expect(res.status, code).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.errors.map((e) => e.code)).toContain(code);
    }
    expect((await findingsOf(visit.id)).length).toBe(0);
    const incomplete = await inspector.post<{ errors: Array<{ code: string }> }>(
      `/api/v1/inspections/visits/${visit.id}/complete`,
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors[0]!.code).toBe('findings_missing');
  });

  it('records each item, a photo checked by its bytes, and completes: the firm is told', async () => {
    const [first, ...rest] = detail.items;
    const issue = await inspector.put<Visit>(`/api/v1/inspections/visits/${visit.id}/findings/${first!.id}`, {
      result: 'issue',
      note: '灭火器压力不足',
      requirement: '更换过期灭火器，完善月度检查记录',
      deadlineDays: 5,
    });
    expect(issue.status).toBe(200);
    const finding = issue.body.items[0]!.finding!;
    expect(finding).toMatchObject({ result: 'issue', deadlineDays: 5, dueDate: null });
    for (const i of rest)
      expect(
        (
          await inspector.put(`/api/v1/inspections/visits/${visit.id}/findings/${i.id}`, {
            result: 'compliant',
          })
        ).status,
      ).toBe(200);

    const photo = await inspector.upload(
      `/api/v1/inspections/findings/${finding.id}/photos`,
      pngBytes,
      '现场.png',
    );
    expect(photo.status).toBe(201);
    const [stored] = await t.database.db.select().from(attachments).where(eq(attachments.id, photo.body.id));
    expect(stored).toMatchObject({ mediaType: 'image/png', ownerKind: 'inspectionFinding' });
    expect(stored!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const text = new TextEncoder().encode('not a picture');
    expect(
      (await inspector.upload(`/api/v1/inspections/findings/${finding.id}/photos`, text, 'x.png')).status,
    ).toBe(415);
    expect(
      (await outsider.upload(`/api/v1/inspections/findings/${finding.id}/photos`, pngBytes, 'y.png')).status,
    ).toBe(404);

    const done = await inspector.post<Visit>(`/api/v1/inspections/visits/${visit.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(done.body.allowed).toEqual([]);
    const due = done.body.items.find((i) => i.id === first!.id)!.finding!.dueDate;
    expect(due).toBe(dueAfter(todayInChina(), 5));
    const firmUser = (await userIdByLogin(t.database.db, 'firm1'))!;
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, firmUser), eq(notifications.key, 'inspections.notice.results')));
    expect(told.map((n) => n.params.visitId)).toEqual([visit.id]);
    expect(told[0]!.params).toMatchObject({ date: visit.date, issues: 1, items: detail.items.length });
  });

  it('never edits a completed visit', async () => {
    const before = await findingsOf(visit.id);
    const item = detail.items[0]!.id;
    const edit = await inspector.put<{ code: string }>(
      `/api/v1/inspections/visits/${visit.id}/findings/${item}`,
      {
        result: 'compliant',
      },
    );
    expect(edit.status).toBe(422);
    expect(edit.body.code).toBe('INVALID_STATE');
    expect((await inspector.post(`/api/v1/inspections/visits/${visit.id}/complete`)).status).toBe(422);
    const finding = before.find((f) => f.itemId === item)!;
    expect(
      (await inspector.upload(`/api/v1/inspections/findings/${finding.id}/photos`, pngBytes, 'z.png')).status,
    ).toBe(422);
    expect(await findingsOf(visit.id)).toEqual(before);
  });

  it('shows the firm its results, and no other firm', async () => {
    const list = await firm.get<Array<{ id: string; issues: number; rectified: number; rated: boolean }>>(
      '/api/v1/inspections/my-results',
    );
    expect(list.status).toBe(200);
    expect(list.body.find((v) => v.id === visit.id)).toMatchObject({ issues: 1, rectified: 0, rated: false });
    const res = await firm.get<VisitResult>(`/api/v1/inspections/my-results/${visit.id}`);
    expect(res.status).toBe(200);
    expect(res.body.allowed).toEqual(['rate']);
    expect(res.body).not.toHaveProperty('code');
    const photoId = res.body.items[0]!.finding!.photos[0]!.id;
    expect((await firm.get(`/api/v1/inspections/photos/${photoId}`)).status).toBe(200);
    // The demo's other firm account is staff of another firm.
    const stranger = await t.as('enterprise');
    expect((await stranger.get(`/api/v1/inspections/my-results/${visit.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/inspections/photos/${photoId}`)).status).toBe(404);
    // Inspectors do not read the firm's portal.
    expect((await inspector.get(`/api/v1/inspections/my-results/${visit.id}`)).status).toBe(403);
  });

  it('confirms a rectification once, with a photo, and tells the inspectors', async () => {
    const photoOf = (findingId: string, name: string) =>
      firm.upload(`/api/v1/inspections/findings/${findingId}/rectification-photos`, pngBytes, name);
    const res = await firm.get<VisitResult>(`/api/v1/inspections/my-results/${visit.id}`);
    const issue = res.body.items.find((i) => i.finding?.result === 'issue')!.finding!;
    const compliant = res.body.items.find((i) => i.finding?.result === 'compliant');
    if (compliant) {
      const wrong = await firm.post<{ errors: Array<{ code: string }> }>(
        `/api/v1/inspections/findings/${compliant.finding!.id}/rectification`,
        { note: '已整改' },
      );
      expect([wrong.status, wrong.body.errors[0]!.code]).toEqual([400, 'not_an_issue']);
      const noIssue = await photoOf(compliant.finding!.id, '无需整改.png');
      expect([noIssue.status, noIssue.body.errors?.[0]?.code]).toEqual([422, 'not_an_issue']);
    }
    const photo = await photoOf(issue.id, '整改后.png');
    expect(photo.status).toBe(201);
    const empty = await firm.post(`/api/v1/inspections/findings/${issue.id}/rectification`, { note: '  ' });
    expect(empty.status).toBe(400);
    const ok = await firm.post<VisitResult>(`/api/v1/inspections/findings/${issue.id}/rectification`, {
      note: '已更换灭火器并补齐记录',
    });
    expect(ok.status).toBe(200);
    const f = ok.body.items.find((i) => i.finding?.id === issue.id)!.finding!;
    expect(f.rectificationNote).toBe('已更换灭火器并补齐记录');
    expect(f.rectificationPhotos).toHaveLength(1);
    const again = await firm.post<{ code: string }>(
      `/api/v1/inspections/findings/${issue.id}/rectification`,
      {
        note: '再次确认',
      },
    );
    expect([again.status, again.body.code]).toEqual([409, 'CONFLICT']);
    const late = await photoOf(issue.id, '确认后.png');
    expect([late.status, late.body.errors?.[0]?.code]).toEqual([422, 'already_confirmed']);
    const teamUsers = await Promise.all(visit.logins.map((l) => userIdByLogin(t.database.db, l)));
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(
          inArray(notifications.userId, teamUsers as string[]),
          eq(notifications.key, 'inspections.notice.rectified'),
        ),
      );
    expect(told.map((n) => n.params.visitId)).toEqual(visit.logins.map(() => visit.id));
    expect((await inspector.get(`/api/v1/inspections/rectification-photos/${photo.body.id}`)).status).toBe(
      200,
    );
  });

  it('takes one rating of 1 to 5; 0, 6 and a second rating are refused and write nothing', async () => {
    const path = `/api/v1/inspections/my-results/${visit.id}/rating`;
    for (const score of [0, 6, 2.5]) expect((await firm.post(path, { score })).status).toBe(400);
    expect(await t.database.db.select().from(inspectionVisitRatings)).toHaveLength(0);
    const ok = await firm.post<VisitResult>(path, { score: 4, comment: '检查规范，一次查完，没有耽误生产' });
    expect(ok.status).toBe(200);
    expect(ok.body.rating).toMatchObject({ score: 4 });
    expect(ok.body.allowed).toEqual([]);
    const again = await firm.post<{ code: string }>(path, { score: 5 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    const rows = await t.database.db.select().from(inspectionVisitRatings);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.score).toBe(4);
  });

  it('hides the code’s page of a visit finished long ago', async () => {
    const path = `/api/v1/public/inspections/check/${detail.code}`;
    expect((await t.client().get(path)).status).toBe(200);
    await t.database.db
      .update(inspectionVisits)
      .set({ completedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(inspectionVisits.id, visit.id));
    expect((await t.client().get(path)).status).toBe(404);
  });

  it('never lets a finding change a visit once completed, even racing the completion', async () => {
    const [started] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.status, 'started'));
    const team = await t.as((await plannedVisits()).loginOf.get(started!.inspectorIds[0]!)!);
    const path = `/api/v1/inspections/visits/${started!.id}`;
    const { items } = (await team.get<Visit>(path)).body;
    for (const i of items) await team.put(`${path}/findings/${i.id}`, { result: 'compliant' });
    const first = (await findingsOf(started!.id))[0]!;
    const [done, late, photo] = await Promise.all([
      team.post<Visit>(`${path}/complete`),
      team.put(`${path}/findings/${items[0]!.id}`, { result: 'not_applicable' }),
      team.upload(`/api/v1/inspections/findings/${first.id}/photos`, pngBytes, '迟到.png'),
    ]);
    expect(done.status).toBe(200);
    expect([200, 422]).toContain(late.status);
    expect([201, 422]).toContain(photo.status);
    const [v] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, started!.id));
    for (const f of await findingsOf(started!.id)) expect(f.updatedAt <= v!.completedAt!).toBe(true);
    // A photo that won the race wrote its audit event before the completion wrote its own (the
    // id follows insert order, and each write held the visit's row).
    const eventId = async (entityId: string, action: string) =>
      (
        await t.database.db
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)))
      )[0]?.id;
    if (photo.status === 201)
      expect(await eventId(photo.body.id, 'inspectionPhoto.add')).toBeLessThan(
        (await eventId(started!.id, 'inspectionVisit.complete'))!,
      );
    const after = await team.upload(`/api/v1/inspections/findings/${first.id}/photos`, pngBytes, '再传.png');
    expect(after.status).toBe(422);
  });
});

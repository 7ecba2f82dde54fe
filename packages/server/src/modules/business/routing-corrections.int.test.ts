import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import type { InboxItem } from '../../kernel/notifications.js';
import { notifications } from '../../kernel/schema.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessRequestCategories, businessRequestEvents, businessRequests } from './schema.js';
import { type Problem, raisedRequest, requestParties } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;
let d02: string;

// Each category with days of its own, so a deadline says which category it was counted from.
const days = { approval: 5, market: 12, policy: 3 };

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
  d02 = (await unitByCode(t.database.db, 'QJ-D02'))!.id;
  // Reading the list fills the catalogue with the defaults; then each gets its days.
  expect((await office.get('/api/v1/business/request-categories')).status).toBe(200);
  for (const [code, answerWorkdays] of Object.entries(days))
    await t.database.db
      .update(businessRequestCategories)
      .set({ answerWorkdays })
      .where(eq(businessRequestCategories.code, code));
  await t.database.db
    .update(businessRequestCategories)
    .set({ active: false })
    .where(eq(businessRequestCategories.code, 'finance'));
});
afterAll(() => t.close());

const route = (id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  office.request<RequestDetail>('POST', `/api/v1/business/requests/${id}/route`, body, headers);
const read = async (client: TestClient, id: string) =>
  (await client.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;
const lastRouting = (r: RequestDetail) => r.timeline.filter((e) => e.kind === 'routed').at(-1)!;
const lastAudit = async (id: string) =>
  (
    await t.database.db
      .select({ before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'request.route'), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];

/** What a refused routing must leave as it was: the request, its steps, the audit log, the inboxes. */
async function state(id: string) {
  const n = async (table: typeof auditEvents | typeof notifications | typeof businessRequestEvents) =>
    (await t.database.db.select({ n: count() }).from(table))[0]!.n;
  const [row] = await t.database.db.select().from(businessRequests).where(eq(businessRequests.id, id));
  return {
    row: { ...row, updatedAt: undefined },
    events: await n(businessRequestEvents),
    audit: await n(auditEvents),
    notices: await n(notifications),
  };
}

describe('分办: the office corrects the category', () => {
  it('counts the deadline from the corrected category’s days, and records the change by name', async () => {
    const id = await raisedRequest(firm);
    const res = await route(id, { departmentId: d01, categoryCode: 'market' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      categoryCode: 'market',
      categoryName: '市场监管',
      dueOn: dueAfter(todayInChina(), days.market),
      workdaysLeft: days.market,
    });
    const step = lastRouting(res.body);
    expect(step.data.category).toEqual({
      from: { name: '审批服务', nameEn: 'Permits and approvals' },
      to: { name: '市场监管', nameEn: 'Market regulation' },
    });
    expect(JSON.stringify(step.data.category)).not.toMatch(/approval"|market"/);
    expect(await lastAudit(id)).toMatchObject({
      before: { categoryCode: 'approval', departmentId: null },
      after: { categoryCode: 'market', departmentId: d01, dueOn: res.body.dueOn },
    });
    // The firm reads the corrected category, and the step that corrected it.
    const seen = await read(firm, id);
    expect(seen).toMatchObject({ categoryCode: 'market', categoryName: '市场监管' });
    expect(lastRouting(seen).data.category).toEqual(step.data.category);
  });

  it('on a re-route too, keeping the old due date on the step', async () => {
    const id = await raisedRequest(firm);
    const first = await route(id, { departmentId: d01 });
    expect(first.body.dueOn).toBe(dueAfter(todayInChina(), days.approval));
    const again = await route(id, { departmentId: d02, categoryCode: 'policy' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ departmentId: d02, categoryCode: 'policy' });
    expect(again.body.dueOn).toBe(dueAfter(todayInChina(), days.policy));
    expect(lastRouting(again.body).data).toMatchObject({
      rerouted: true,
      previousDueOn: first.body.dueOn,
      category: { from: { name: '审批服务' }, to: { name: '政策咨询', nameEn: 'Policy enquiry' } },
    });
    expect((await lastAudit(id))?.before).toMatchObject({ categoryCode: 'approval', departmentId: d01 });
  });

  it('tells the firm of the corrected category by its name, on a routing and a re-route', async () => {
    const firmNotices = async (id: string) =>
      (await firm.get<InboxItem[]>('/api/v1/inbox')).body.filter((n) => n.params.requestId === id).reverse();
    const id = await raisedRequest(firm);
    const first = await route(id, { departmentId: d01, categoryCode: 'market' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await route(id, { departmentId: d02, categoryCode: 'policy' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const notices = await firmNotices(id);
    expect(notices.map((n) => n.key)).toEqual([
      'business.notice.firmRoutedCategoryCorrected',
      'business.notice.firmReroutedCategoryCorrected',
    ]);
    expect(notices[0]!.params).toMatchObject({
      category: '市场监管',
      categoryEn: 'Market regulation',
      dueOn: first.body.dueOn,
    });
    expect(notices[1]!.params).toMatchObject({ category: '政策咨询', categoryEn: 'Policy enquiry' });
    // Names, never codes.
    expect(JSON.stringify(notices.map((n) => n.params))).not.toMatch(/"(market|policy|approval)"/);
    for (const [locale, name] of [
      ['zh-CN', '{{category}}'],
      ['en', '{{categoryEn}}'],
    ] as const) {
      const words = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../../web/src/i18n/${locale}/business.json`), 'utf8'),
      ) as { notice: Record<string, string> };
      for (const key of ['firmRoutedCategoryCorrected', 'firmReroutedCategoryCorrected'])
        expect(words.notice[key], `${locale} ${key}`).toContain(name);
    }

    // A routing that keeps the category says nothing of one.
    const kept = await raisedRequest(firm);
    expect((await route(kept, { departmentId: d01, categoryCode: 'approval' })).status).toBe(200);
    const [plain] = await firmNotices(kept);
    expect(plain!.key).toBe('business.notice.firmRouted');
    expect(plain!.params).not.toHaveProperty('category');
  });

  it('records no change when the category sent is the request’s own', async () => {
    const id = await raisedRequest(firm);
    const res = await route(id, { departmentId: d01, categoryCode: 'approval' });
    expect(res.status).toBe(200);
    expect(lastRouting(res.body).data.category).toBeUndefined();
    expect(res.body.dueOn).toBe(dueAfter(todayInChina(), days.approval));
    expect((await lastAudit(id))?.after).not.toHaveProperty('categoryCode');
  });
});

describe('分办: the office’s note to the department', () => {
  const note = '  请会同区市场监管局办理，企业联系人电话13912345678  ';
  const trimmed = note.trim();

  it('is kept trimmed for the staff, and the department’s notice carries it with numbers masked', async () => {
    const id = await raisedRequest(firm);
    const res = await route(id, { departmentId: d01, note });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.routingNote).toBe(trimmed);
    expect(lastRouting(res.body).note).toBe(trimmed);
    const held = await read(dept, id);
    expect(held.routingNote).toBe(trimmed);
    expect(lastRouting(held).note).toBe(trimmed);
    expect((await lastAudit(id))?.after).toMatchObject({ note: trimmed });

    const inbox = (await dept.get<InboxItem[]>('/api/v1/inbox')).body.filter(
      (n) => n.params.requestId === id,
    );
    expect(inbox.map((n) => n.key)).toEqual(['business.notice.routedWithNote']);
    expect(inbox[0]!.params.note).toBe('请会同区市场监管局办理，企业联系人电话139****5678');
    for (const locale of ['zh-CN', 'en']) {
      const words = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../../web/src/i18n/${locale}/business.json`), 'utf8'),
      ) as { notice: Record<string, string> };
      expect(words.notice.routedWithNote).toContain('{{note}}');
    }
    // The firm's side never reads it.
    const firmSide = await read(firm, id);
    expect(firmSide.routingNote).toBeNull();
    expect(lastRouting(firmSide).note).toBe('');
  });

  it('is left out of the notice when there is none', async () => {
    const id = await raisedRequest(firm);
    expect((await route(id, { departmentId: d01 })).status).toBe(200);
    const inbox = (await dept.get<InboxItem[]>('/api/v1/inbox')).body.filter(
      (n) => n.params.requestId === id,
    );
    expect(inbox.map((n) => n.key)).toEqual(['business.notice.routed']);
    expect(inbox[0]!.params).not.toHaveProperty('note');
    expect((await read(dept, id)).routingNote).toBeNull();
  });
});

describe('分办: bad input', () => {
  it.each([
    ['a note of only spaces', { note: ' \u3000\t ' }, 'note', 'only_whitespace', 400],
    ['a note too long', { note: '请'.repeat(501) }, 'note', 'too_big', 400],
    ['an unknown category', { categoryCode: 'nosuch' }, 'categoryCode', 'unknown_category', 400],
    ['a retired category', { categoryCode: 'finance' }, 'categoryCode', 'unknown_category', 400],
  ])('refuses %s in both languages and writes nothing', async (_, extra, path, code, status) => {
    const id = await raisedRequest(firm);
    const before = await state(id);
    const zh = await route(id, { departmentId: d01, ...extra });
    expect(zh.status, JSON.stringify(zh.body)).toBe(status);
    const problem = zh.body as unknown as Problem;
    expect(problem.code).toBe('VALIDATION');
    expect(problem.errors).toEqual([expect.objectContaining({ path, code })]);
    const en = await route(id, { departmentId: d01, ...extra }, { 'accept-language': 'en' });
    expect(en.status).toBe(status);
    expect((en.body as unknown as Problem).title).not.toBe(problem.title);
    expect(await state(id)).toEqual(before);
  });

  it('refuses a re-route to the same department even with a category corrected, writing nothing', async () => {
    const id = await raisedRequest(firm);
    expect((await route(id, { departmentId: d01 })).status).toBe(200);
    const before = await state(id);
    const res = await route(id, { departmentId: d01, categoryCode: 'market', note: '请加快办理' });
    expect(res.status).toBe(409);
    expect((res.body as unknown as Problem).errors?.[0]).toMatchObject({ code: 'already_with_department' });
    expect(await state(id)).toEqual(before);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { signedIn } from '../../test-support/factories.js';
import { sheetNames, sheetRows } from '../../test-support/workbook.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail, RequestPage, RequestSummary } from './contracts-requests.js';
import { requestColumns } from './request-sheet.js';
import { businessRequestEvents, businessRequests } from './schema.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let firm1: TestClient;
let office: TestClient;
let dept: TestClient;
let otherDept: TestClient;
let supervisor: TestClient;
let closed: RequestDetail;

const zh = 'zh-CN,zh;q=0.9';
const en = 'en-US,en;q=0.9';
/** A word only this file's requests hold in their titles. */
const marker = '导出核对';
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  firm1 = await t.as('firm1');
  office = await t.as('office');
  dept = await t.as('dept');
  supervisor = await t.as('supervisor');
  const d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
  otherDept = await signedIn(t, 'department_staff', (await unitByCode(t.database.db, 'QJ-D02'))!);

  // One request through the whole loop: raised with a phone number in its title, routed to
  // 区发展改革委, answered and rated 满意, which closes it; a second left waiting for routing.
  const raised = await firm1.post<RequestDetail>('/api/v1/business/requests', {
    categoryCode: 'approval',
    title: `${marker}：备案进度，联系电话13912345678`,
    body: '我司技改项目已提交备案，请问还需补充哪些材料。',
  });
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);
  const id = raised.body.id;
  expect((await office.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 })).status).toBe(
    200,
  );
  const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
    body: '备案材料清单已发送，请查收。',
  });
  const rated = await firm1.post<RequestDetail>(
    `/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`,
    { score: 4 },
  );
  expect(rated.body.status).toBe('closed');
  closed = rated.body;
  await firm1.post('/api/v1/business/requests', {
    categoryCode: 'finance',
    title: `${marker}：贷款贴息申请`,
    body: '请问今年的贷款贴息何时申报。',
  });
});
afterAll(() => t.close());

/** The export's rows (header first) for a query, read back from the workbook. */
async function exported(client: TestClient, query = '', language = zh) {
  const res = await client.request<Uint8Array>('GET', `/api/v1/business/requests/export${query}`, undefined, {
    'accept-language': language,
  });
  expect(res.status, String(res.body)).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  return { rows: await sheetRows(res.body), sheets: await sheetNames(res.body) };
}

/** Every page of the list for a query. */
async function listed(client: TestClient, query = ''): Promise<RequestSummary[]> {
  const items: RequestSummary[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get<RequestPage>(
      `/api/v1/business/requests?pageSize=200&page=${page}${query ? `&${query.slice(1)}` : ''}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total) return items;
  }
}

const column = (key: string) => requestColumns.findIndex((c) => c.key === key);

describe('企业诉求导出: the requests list as a workbook', () => {
  it('holds every request the list shows for the same filters, in its order, headed in Chinese', async () => {
    for (const query of ['', '?status=routed', `?q=${encodeURIComponent(marker)}`, '?flag=badRating']) {
      const { rows, sheets } = await exported(supervisor, query);
      expect(sheets).toEqual(['企业诉求']);
      expect(rows[0]).toEqual(requestColumns.map((c) => c.header));
      const list = await listed(supervisor, query);
      expect(list.length, query).toBeGreaterThan(0);
      // The export holds more than one page of the list, row for row.
      expect(
        rows.slice(1).map((r) => r[column('firm')]),
        query,
      ).toEqual(list.map((r) => r.firmName));
      expect(
        rows.slice(1).map((r) => r[column('category')]),
        query,
      ).toEqual(list.map((r) => r.categoryName));
    }
    expect((await listed(supervisor)).length).toBeGreaterThan(20);
  });

  it('shows names and words, never ids or codes; times on China’s clock; numbers in titles masked', async () => {
    const { rows } = await exported(office, `?q=${encodeURIComponent(marker)}&status=closed`);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(requestColumns.map((c, i) => [c.key, rows[1]![i]]));
    expect(row).toMatchObject({
      title: `${marker}：备案进度，联系电话139****5678`,
      firm: closed.firmName,
      category: '审批服务',
      status: '已办结',
      department: '区发展改革委',
      suggested: '',
      dueOn: closed.dueOn,
      late: '否',
      rating: '4 满意',
      deadline: '',
      pending: '',
    });
    const chinaTime = (iso: string) =>
      new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(row.submittedAt).toBe(chinaTime(closed.createdAt));
    expect(row.answeredAt).toBe(chinaTime(closed.answers[0]!.createdAt));
    expect(row.closedAt).toBe(chinaTime(closed.timeline.at(-1)!.at));
    expect(JSON.stringify(rows)).not.toContain('13912345678');
    expect(JSON.stringify(rows)).not.toMatch(uuid);
    expect(JSON.stringify(rows)).not.toContain('approval');
  });

  it('heads and words its cells in English for an English reader', async () => {
    const { rows, sheets } = await exported(office, `?q=${encodeURIComponent(marker)}`, en);
    expect(sheets).toEqual(['Business requests']);
    expect(rows[0]).toEqual(requestColumns.map((c) => c.headerEn));
    const byStatus = new Map(rows.slice(1).map((r) => [r[column('status')], r]));
    expect([...byStatus.keys()].sort()).toEqual(['Awaiting routing', 'Closed']);
    expect(byStatus.get('Closed')).toEqual(
      expect.arrayContaining(['Permits and approvals', '4 Satisfied', 'No', '区发展改革委']),
    );
    // Not yet routed: no department, the one suggested, no deadline to miss.
    const waiting = byStatus.get('Awaiting routing')!;
    expect(waiting[column('category')]).toBe('Finance');
    expect(waiting[column('department')]).toBe('');
    expect(waiting[column('late')]).toBe('');
  });

  it('gives a department only the requests routed to it, as its list does', async () => {
    const own = await exported(dept);
    const list = await listed(dept);
    expect(own.rows.length - 1).toBe(list.length);
    expect(new Set(own.rows.slice(1).map((r) => r[column('department')]))).toEqual(new Set(['区发展改革委']));
    expect(own.rows.some((r) => r[column('title')]!.startsWith(marker))).toBe(true);
    const other = await exported(otherDept, `?q=${encodeURIComponent(marker)}`);
    expect(other.rows).toHaveLength(1);
  });

  it('gives a firm its own requests only', async () => {
    const own = await exported(firm1, `?q=${encodeURIComponent(marker)}`);
    expect(own.rows).toHaveLength(3);
    const other = await exported(await t.as('firm2'), `?q=${encodeURIComponent(marker)}`);
    expect(other.rows).toHaveLength(1);
  });

  it('is refused to whoever may not list requests', async () => {
    const res = await (await t.as('organiser')).get<Problem>('/api/v1/business/requests/export');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await t.client().get('/api/v1/business/requests/export')).status).toBe(401);
  });

  it('refuses more rows than a workbook holds, with the count, rather than cutting them short', async () => {
    const before = process.env.QIANXING_EXPORT_MAX_ROWS;
    process.env.QIANXING_EXPORT_MAX_ROWS = '1';
    try {
      const q = `?q=${encodeURIComponent(marker)}`;
      const listed = await office.get<{ total: number }>(`/api/v1/business/requests${q}`);
      expect(listed.body.total).toBeGreaterThan(1);
      const res = await office.get<Problem>(`/api/v1/business/requests/export${q}`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({
        code: 'export_too_large',
        params: { maximum: 1, total: listed.body.total },
      });
    } finally {
      if (before === undefined) delete process.env.QIANXING_EXPORT_MAX_ROWS;
      else process.env.QIANXING_EXPORT_MAX_ROWS = before;
    }
  });

  it('refuses a filter the list refuses', async () => {
    const res = await office.get<Problem>('/api/v1/business/requests/export?status=nonsense');
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.path)).toEqual(['status']);
  });
  it('marks a due date counted through a year whose holidays are not loaded as provisional, as the list does', async () => {
    const raised = await firm1.post<RequestDetail>('/api/v1/business/requests', {
      categoryCode: 'approval',
      title: `${marker}：跨年办理`,
      body: '请问厂房消防验收需要多久。',
    });
    const d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
    const id = raised.body.id;
    expect((await office.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 })).status).toBe(
      200,
    );
    // Due in January 2027, counted Monday to Friday until 2027's notice is loaded.
    await t.database.db
      .update(businessRequests)
      .set({ dueOn: '2027-01-14' })
      .where(eq(businessRequests.id, id));
    const list = await listed(office, `?q=${encodeURIComponent(marker)}`);
    expect(list.find((r) => r.id === id)!.dueProvisional).toBe(2027);
    for (const [language, words] of [
      [zh, '暂定：2027 年节假日安排尚未载入，暂按周一至周五计算'],
      [en, 'Provisional: the 2027 holidays are not loaded yet, counted Monday to Friday'],
    ] as const) {
      const { rows } = await exported(office, `?q=${encodeURIComponent(marker)}`, language);
      // Row for row with the list: marked where the list tags the date provisional, blank elsewhere.
      expect(rows.slice(1).map((r) => r[column('dueProvisional')])).toEqual(
        list.map((r) => (r.dueProvisional !== null ? words : '')),
      );
      expect(rows.slice(1).find((r) => r[column('title')] === `${marker}：跨年办理`)![column('dueOn')]).toBe(
        '2027-01-14',
      );
    }
    expect(list.filter((r) => r.dueProvisional === null).length).toBeGreaterThan(0);
  });
});

describe('企业诉求导出: ratings and closing after an appeal', () => {
  /** A word only these requests hold in their titles. */
  const appealMarker = '申诉导出核对';
  const chinaTime = (at: Date | string) =>
    new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

  /** A request of firm1 at QJ-D01 rated 非常不满意, its rating appealed: the request and the appeal. */
  async function appealedBadRating(title: string) {
    const d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
    const raised = await firm1.post<RequestDetail>('/api/v1/business/requests', {
      categoryCode: 'approval',
      title: `${appealMarker}：${title}`,
      body: '我司技改项目已提交备案，请问还需补充哪些材料。',
    });
    const id = raised.body.id;
    await office.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 });
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '请补充材料。',
    });
    const rated = await firm1.post<RequestDetail>(
      `/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`,
      { score: 1 },
    );
    const ratingId = rated.body.answers[0]!.rating!.id;
    const appealed = await dept.post<RequestDetail>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '企业所提事项不属本部门职责',
    });
    expect(appealed.status, JSON.stringify(appealed.body)).toBe(200);
    return { id, appealId: appealed.body.answers[0]!.rating!.appeal!.id };
  }
  const uphold = (appealId: string) =>
    office.post<RequestDetail>(`/api/v1/business/appeals/${appealId}/decision`, {
      upheld: true,
      note: '经核实属恶意差评',
    });
  async function exportedRow(title: string) {
    const { rows } = await exported(office, `?q=${encodeURIComponent(`${appealMarker}：${title}`)}`);
    expect(rows).toHaveLength(2);
    return Object.fromEntries(requestColumns.map((c, i) => [c.key, rows[1]![i]]));
  }

  it('leaves out a rating an upheld appeal set aside, as the scorecard does', async () => {
    const { appealId } = await appealedBadRating('差评申诉成立');
    const upheld = await uphold(appealId);
    expect(upheld.body.status).toBe('closed');
    const row = await exportedRow('差评申诉成立');
    expect(row.status).toBe('已办结');
    expect(row.rating).toBe('');
    // The appeal that withdrew the rectification closed the request.
    expect(row.closedAt).toBe(chinaTime(upheld.body.timeline.at(-1)!.at));
  });

  it('takes the closing time from the rating that closed it, not from an appeal decided later', async () => {
    const { id, appealId } = await appealedBadRating('整改后满意');
    const rect = (await dept.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body.rectifications[0]!;
    await dept.post(`/api/v1/business/rectifications/${rect.id}/visit`, {
      visitedOn: todayInChina(),
      note: '回访',
    });
    const result = await dept.post<RequestDetail>(`/api/v1/business/rectifications/${rect.id}/result`, {
      body: '已整改。',
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const rated = await firm1.post<RequestDetail>(
      `/api/v1/business/answers/${result.body.answers.at(-1)!.id}/rating`,
      { score: 4 },
    );
    expect(rated.body.status).toBe('closed');
    // The closing rating an hour back, so the later appeal's time cannot pass for it.
    const closing = rated.body.timeline.at(-1)!;
    expect(closing.kind).toBe('rated');
    const closedAt = new Date(new Date(closing.at).getTime() - 3_600_000);
    await t.database.db
      .update(businessRequestEvents)
      .set({ createdAt: closedAt })
      .where(eq(businessRequestEvents.id, closing.id));
    expect((await uphold(appealId)).status).toBe(200);
    const row = await exportedRow('整改后满意');
    expect(row.closedAt).toBe(chinaTime(closedAt));
    expect(row.rating).toBe('4 满意');
  });
});

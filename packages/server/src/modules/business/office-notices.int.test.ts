import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../kernel/notifications.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { signedIn } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { Firm } from './contracts.js';
import type { RequestDetail } from './contracts-requests.js';
import { type Problem, raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;
/** An admin of the firm's own town, and one of another town: only the first decides its requests. */
let townOffice: TestClient;
let otherTownOffice: TestClient;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
  const id = await raisedRequest(firm);
  const firmId = (await firm.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body.firmId;
  const townId = (await office.get<Firm>(`/api/v1/business/firms/${firmId}`)).body.townId;
  const other = (await unitByCode(t.database.db, 'QJ-T01'))!;
  expect(other.id).not.toBe(townId);
  townOffice = await signedIn(t, 'admin', { id: townId });
  otherTownOffice = await signedIn(t, 'admin', other);
});
afterAll(() => t.close());

/** The messages about request `id` in the client's inbox, oldest first. */
async function about(client: TestClient, id: string): Promise<InboxItem[]> {
  const res = await client.get<InboxItem[]>('/api/v1/inbox');
  expect(res.status).toBe(200);
  return res.body.filter((n) => n.params.requestId === id).reverse();
}
const keys = async (client: TestClient, id: string) => (await about(client, id)).map((n) => n.key);

/** A request of the firm routed to QJ-D01: its id and its due date. */
async function routed(): Promise<RequestDetail> {
  const id = await raisedRequest(firm);
  const res = await routedAs(office, id, d01);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const webText = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../../web/src/i18n/${locale}/business.json`), 'utf8'),
  ) as { notice: Record<string, string> };

describe('what the office that decides is told', () => {
  it('that a department asks for more time, by the department’s name, the days and the due date', async () => {
    const request = await routed();
    const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${request.id}/extensions`, {
      workdays: 3,
      reason: '需会同规划部门现场核实',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    for (const admin of [office, townOffice]) {
      const [notice, ...rest] = await about(admin, request.id);
      expect(rest).toEqual([]);
      expect(notice!.key).toBe('business.notice.extensionAsked');
      expect(notice!.params).toEqual({
        requestId: request.id,
        title: request.title,
        department: '区发展改革委',
        workdays: 3,
        dueOn: request.dueOn,
      });
    }
    // Another town's office does not decide it; the department and the firm hear nothing of it.
    expect(await keys(otherTownOffice, request.id)).toEqual([]);
    expect(await keys(dept, request.id)).toEqual(['business.notice.routed']);
    expect(await keys(firm, request.id)).toEqual(['business.notice.firmRouted']);

    // A second request while the first waits is refused, and tells no one.
    const again = await dept.post<Problem>(`/api/v1/business/requests/${request.id}/extensions`, {
      workdays: 2,
      reason: '再次申请',
    });
    expect(again.status).toBe(409);
    expect(await keys(office, request.id)).toEqual(['business.notice.extensionAsked']);
  });

  it('that a department appeals the firm’s bad rating, with the score', async () => {
    const request = await routed();
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${request.id}/answer`, {
      body: '规划许可材料清单已发送。',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const rated = await firm.post<RequestDetail>(
      `/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`,
      { score: 2 },
    );
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    // A rating is no matter for the office.
    expect(await keys(office, request.id)).toEqual([]);
    const ratingId = rated.body.answers[0]!.rating!.id;
    const appealed = await dept.post<RequestDetail>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '答复已完整回应诉求',
    });
    expect(appealed.status, JSON.stringify(appealed.body)).toBe(200);
    for (const admin of [office, townOffice]) {
      const notices = await about(admin, request.id);
      expect(notices.map((n) => n.key)).toEqual(['business.notice.appealRaised']);
      expect(notices[0]!.params).toEqual({
        requestId: request.id,
        title: request.title,
        department: '区发展改革委',
        score: 2,
      });
    }
    expect(await keys(otherTownOffice, request.id)).toEqual([]);
    expect((await keys(dept, request.id)).at(-1)).toBe('business.notice.ratedBad');

    // Appealed again: refused, and the office is not told twice.
    const again = await dept.post<Problem>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '再次申诉',
    });
    expect(again.status).toBe(409);
    expect(await keys(office, request.id)).toEqual(['business.notice.appealRaised']);
  });

  it('in words of zh-CN and en that name the department, never a code', () => {
    for (const locale of ['zh-CN', 'en']) {
      const { notice } = webText(locale);
      for (const key of ['extensionAsked', 'appealRaised']) {
        expect(notice[key], `${locale} ${key}`).toMatch(/\{\{title\}\}/);
        expect(notice[key], `${locale} ${key}`).toMatch(/\{\{department\}\}/);
      }
      expect(notice.extensionAsked).toMatch(/\{\{workdays\}\}/);
      expect(notice.extensionAsked).toMatch(/\{\{dueOn\}\}/);
      expect(notice.appealRaised).toMatch(/\{\{score\}\}/);
    }
  });
});

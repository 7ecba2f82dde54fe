import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import type { RequestDetail } from './contracts-requests.js';
import { scorecardRequests } from './queries/scorecard.js';
import { raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
});
afterAll(() => t.close());

const raise = () => raisedRequest(firm);
const route = (id: string, departmentId: string, client = office) => routedAs(client, id, departmentId);
const routingsOf = async (id: string) =>
  (await scorecardRequests(t.database.db)).filter((r) => r.id === id || r.id.startsWith(`${id}:`));

describe('the scorecard’s due date', () => {
  it('is the one the request holds: the category’s days after routing, moved by an approved extension', async () => {
    const id = await raise();
    await route(id, d01);
    const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
      workdays: 4,
      reason: '需补充现场勘验',
    });
    const approved = await office.post<RequestDetail>(
      `/api/v1/business/extensions/${asked.body.extensions[0]!.id}/decision`,
      { approve: true, note: '同意' },
    );
    expect(approved.body.workdaysLeft).toBe(9);
    await dept.post(`/api/v1/business/requests/${id}/answer`, { body: '已答复企业。' });
    const [routing] = await routingsOf(id);
    expect(routing).toMatchObject({
      department: d01,
      dueOn: approved.body.dueOn,
      answeredOn: todayInChina(),
    });
  });
});

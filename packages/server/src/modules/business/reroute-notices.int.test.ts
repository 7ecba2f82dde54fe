import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../kernel/notifications.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { makeUnit, signedIn } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import { type Problem, raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;
let d02: string;
let d02Staff: TestClient;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
  const second = (await unitByCode(t.database.db, 'QJ-D02'))!;
  d02 = second.id;
  d02Staff = await signedIn(t, 'department_staff', second);
});
afterAll(() => t.close());

/** The messages about request `id` in the client's inbox, oldest first. */
async function about(client: TestClient, id: string): Promise<InboxItem[]> {
  const res = await client.get<InboxItem[]>('/api/v1/inbox');
  expect(res.status).toBe(200);
  return res.body.filter((n) => n.params.requestId === id).reverse();
}
const keys = async (client: TestClient, id: string) => (await about(client, id)).map((n) => n.key);

async function route(id: string, departmentId: string) {
  const res = await routedAs(office, id, departmentId);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('the department a re-routed request leaves', () => {
  it('is told it no longer answers it, and which department does, by their names', async () => {
    const id = await raisedRequest(firm);
    const { title } = await route(id, d01);
    expect(await keys(dept, id)).toEqual(['business.notice.routed']);
    await route(id, d02);
    const notices = await about(dept, id);
    expect(notices.map((n) => n.key)).toEqual(['business.notice.routed', 'business.notice.reroutedAway']);
    expect(notices[1]!.params).toEqual({
      requestId: id,
      title,
      department: '区发展改革委',
      to: '区经济信息委',
    });
    // The department that holds it now hears of the routing, not of the leaving; the firm of the new holder.
    expect(await keys(d02Staff, id)).toEqual(['business.notice.routed']);
    expect(await keys(firm, id)).toEqual(['business.notice.firmRouted', 'business.notice.firmRerouted']);

    // Back to the first department: now the second hears it has left them.
    await route(id, d01);
    expect(await keys(d02Staff, id)).toEqual(['business.notice.routed', 'business.notice.reroutedAway']);
    expect((await about(d02Staff, id))[1]!.params).toMatchObject({
      department: '区经济信息委',
      to: '区发展改革委',
    });
    expect(await keys(dept, id)).toEqual([
      'business.notice.routed',
      'business.notice.reroutedAway',
      'business.notice.routed',
    ]);
  });

  it('is not told when the re-route is refused', async () => {
    const id = await raisedRequest(firm);
    await route(id, d01);
    const same = await routedAs(office, id, d01);
    expect(same.status).toBe(409);
    expect((same.body as unknown as Problem).errors?.[0]?.code).toBe('already_with_department');
    expect(await keys(dept, id)).toEqual(['business.notice.routed']);
  });

  it('tells staff over both departments of the routing alone: they still act on the request', async () => {
    // A section of 区发展改革委: its own staff leave the request, the commission's staff keep it.
    const parent = (await unitByCode(t.database.db, 'QJ-D01'))!;
    const section = await makeUnit(t, { parent, kind: 'department', name: '区发展改革委产业科' });
    const sectionStaff = await signedIn(t, 'department_staff', section);
    const id = await raisedRequest(firm);
    await route(id, section.id);
    await route(id, d01);
    expect(await keys(sectionStaff, id)).toEqual(['business.notice.routed', 'business.notice.reroutedAway']);
    expect((await about(sectionStaff, id))[1]!.params).toMatchObject({
      department: '区发展改革委产业科',
      to: '区发展改革委',
    });
    expect(await keys(dept, id)).toEqual(['business.notice.routed', 'business.notice.routed']);
    expect((await dept.get(`/api/v1/business/requests/${id}`)).status).toBe(200);
  });
});

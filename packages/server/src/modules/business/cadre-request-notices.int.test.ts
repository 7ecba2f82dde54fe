import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import type { InboxItem } from '../../kernel/notifications.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { signedIn } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { FirmLiaison, LiaisonPage } from './contracts-liaison.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessFirmMembers } from './schema.js';

let t: TestContext;
let cadre: TestClient;
let firmStaff: TestClient & { user: { id: string } };
let firm1: TestClient;
let firmId: string;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  cadre = await t.as('cadre');
  firm1 = await t.as('firm1');
  // A firm paired with the cadre, and a member of its staff.
  firmId = (await cadre.get<LiaisonPage>('/api/v1/business/liaison?pageSize=1')).body.items[0]!.firmId;
  firmStaff = await signedIn(t, 'enterprise', (await unitByCode(t.database.db, 'QJ'))!);
  await t.database.db.insert(businessFirmMembers).values({ userId: firmStaff.user.id, firmId });
});
afterAll(() => t.close());

async function about(client: TestClient, id: string): Promise<InboxItem[]> {
  const res = await client.get<InboxItem[]>('/api/v1/inbox');
  expect(res.status).toBe(200);
  return res.body.filter((n) => n.params.requestId === id).reverse();
}

describe('a request the liaison cadre raises on the firm’s behalf', () => {
  it('is told to the firm’s staff, by its title and its category’s name', async () => {
    const title = '厂区周边道路照明不足';
    const res = await cadre.post<RequestDetail>('/api/v1/business/requests', {
      firmId,
      categoryCode: 'infrastructure',
      title,
      body: '企业反映夜间下班道路照明不足，希望增设路灯。',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [notice, ...rest] = await about(firmStaff, res.body.id);
    expect(rest).toEqual([]);
    expect(notice!.key).toBe('business.notice.firmRaisedByCadre');
    // Names, never the category's code; no department holds it yet.
    expect(notice!.params).toEqual({
      requestId: res.body.id,
      title,
      category: '基础设施',
      categoryEn: 'Infrastructure',
    });
    expect(await about(cadre, res.body.id)).toEqual([]);
    expect(await about(firm1, res.body.id)).toEqual([]);
  });

  it('from an issue of a visit, with the visit’s day', async () => {
    const visitedOn = todayInChina();
    const res = await cadre.post<FirmLiaison>(`/api/v1/business/firms/${firmId}/visits`, {
      visitedOn,
      attendees: '总经理',
      topics: '了解用工情况',
      issues: [
        { title: '希望了解稳岗返还政策', body: '企业今年未裁员。' },
        { title: '招工难', body: '希望协助对接职业院校。', categoryCode: 'factors', raise: true },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const requestId = res.body.visits.find((v) => v.visitedOn === visitedOn)!.issues[1]!.requestId!;
    const notices = await about(firmStaff, requestId);
    expect(notices.map((n) => n.key)).toEqual(['business.notice.firmRaisedAtVisit']);
    expect(notices[0]!.params).toEqual({
      requestId,
      title: '招工难',
      category: '要素保障',
      categoryEn: 'Land, power, water and labour',
      visitedOn,
    });
  });

  it('is not told when the firm’s own staff raise it', async () => {
    const res = await firm1.post<RequestDetail>('/api/v1/business/requests', {
      categoryCode: 'approval',
      title: '用地预审咨询',
      body: '请问用地预审需要哪些材料。',
    });
    expect(res.status).toBe(201);
    expect(await about(firm1, res.body.id)).toEqual([]);
  });
});

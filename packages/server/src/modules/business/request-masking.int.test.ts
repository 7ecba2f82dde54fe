import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../kernel/notifications.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { listedEvents } from '../../test-support/file-audit.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail, RequestPage } from './contracts-requests.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

describe('numbers a firm writes into a request’s title', () => {
  it('are masked in every list, notice and the audit log’s titles, and kept whole on the request’s own page', async () => {
    const firm1 = await t.as('firm1');
    const office = await t.as('office');
    const dept = await t.as('dept');
    const supervisor = await t.as('supervisor');
    const title = '用电报装进度咨询，联系电话13812345678';
    const raised = await firm1.post<RequestDetail>('/api/v1/business/requests', {
      categoryCode: 'approval',
      title,
      body: '我司新厂房用电报装已提交两周，请告知进度。经办人身份证500114198801011234。',
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const id = raised.body.id;
    const d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
    expect((await office.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 })).status).toBe(
      200,
    );

    const masked = '用电报装进度咨询，联系电话138****5678';
    for (const client of [firm1, office, dept, supervisor]) {
      const list = await client.get<RequestPage>('/api/v1/business/requests?pageSize=100');
      expect(list.status).toBe(200);
      const item = list.body.items.find((r) => r.id === id);
      expect(item?.title).toBe(masked);
      expect(JSON.stringify(list.body)).not.toContain('13812345678');
    }

    // The audit log's readers find the request's events under the same masked title.
    for (const reader of [office, supervisor]) {
      const events = await listedEvents(reader, id);
      expect(events.map((e) => e.entityTitle)).toEqual(events.map(() => masked));
      expect(events.length).toBeGreaterThanOrEqual(2);
    }

    const inbox = await dept.get<InboxItem[]>('/api/v1/inbox');
    const routed = inbox.body.find((n) => n.key === 'business.notice.routed' && n.params.title === masked);
    expect(routed).toBeDefined();
    expect(JSON.stringify(inbox.body)).not.toContain('13812345678');

    // The department handling it reads what the firm wrote, to call it back.
    const detail = await dept.get<RequestDetail>(`/api/v1/business/requests/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.title).toBe(title);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';

let t: TestContext;
let tree: District;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
});
afterAll(() => t.close());

type Action = { id: string; title: string; updates: Array<{ note: string }> };

describe('an adopted action as the public reads it', () => {
  it('has a phone or ID number typed into its title or progress notes masked', async () => {
    const s = await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
    const adopted = await office.post<Action>('/api/v1/ideas/actions', {
      suggestionId: s.id,
      title: '开通专线，联系人13812345678',
      ownerUnitId: tree.department.id,
      dueOn: '2099-06-30',
    });
    expect(adopted.status).toBe(201);
    const reported = await office.post(`/api/v1/ideas/actions/${adopted.body.id}/progress`, {
      status: 'in_progress',
      progress: 30,
      note: '已联系王师傅 139 8765 4321，身份证500239199001011234',
    });
    expect(reported.status).toBe(200);
    const listed = await t.client().get<Action[]>('/api/v1/public/actions');
    const tracked = await t.client().get<{ actions: Action[] }>(`/api/v1/public/track/${s.trackingCode}`);
    for (const a of [listed.body.find((x) => x.id === adopted.body.id)!, tracked.body.actions[0]!]) {
      expect(a.title).toBe('开通专线，联系人138****5678');
      expect(a.updates[0]!.note).toBe('已联系王师傅 139****4321，身份证5002**********1234');
      expect(JSON.stringify(a)).not.toMatch(/12345678|87654321|199001011234/);
    }
  });
});

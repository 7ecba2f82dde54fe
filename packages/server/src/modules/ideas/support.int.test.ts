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

interface Supported {
  supports: number;
  counted: boolean;
}

async function newSuggestion(): Promise<string> {
  // The public supports what it sees: by default, suggestions screening accepted.
  return (await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office })).id;
}

/** Supports as a browser would without the test client's cookie jar: the cookie given, or none. */
async function supportAs(id: string, ip: string, cookie?: string) {
  const headers: Record<string, string> = { 'x-forwarded-for': ip };
  if (cookie) headers.cookie = cookie;
  const res = await t.app.request(`/api/v1/public/suggestions/${id}/support`, { method: 'POST', headers });
  const given = res.headers.get('set-cookie')?.split(';')[0];
  return { body: (await res.json()) as Supported, cookie: given ?? cookie };
}

describe('supporting a suggestion once per person', () => {
  it('does not count again a supporter who cleared the cookie but kept the address', async () => {
    const id = await newSuggestion();
    const first = await supportAs(id, '10.20.0.1');
    expect(first.body).toEqual({ supports: 1, counted: true });
    expect(first.cookie).toMatch(/^qx_bid=/);
    const fresh = await supportAs(id, '10.20.0.1');
    expect(fresh.cookie).not.toBe(first.cookie);
    expect(fresh.body).toEqual({ supports: 1, counted: false });
  });

  it('does not count again the same browser from another address', async () => {
    const id = await newSuggestion();
    const first = await supportAs(id, '10.20.0.2');
    const moved = await supportAs(id, '10.20.0.3', first.cookie);
    expect(moved.body).toEqual({ supports: 1, counted: false });
  });

  it('counts another browser at another address', async () => {
    const id = await newSuggestion();
    await supportAs(id, '10.20.0.4');
    expect((await supportAs(id, '10.20.0.5')).body).toEqual({ supports: 2, counted: true });
  });

  it('counts an account once, whatever address it comes from', async () => {
    const id = await newSuggestion();
    const citizen = await signedIn(t, 'citizen', tree.district);
    // Someone at the account's address supported anonymously first: the account is its own person.
    await supportAs(id, citizen.ip);
    const path = `/api/v1/public/suggestions/${id}/support`;
    expect((await citizen.post<Supported>(path)).body).toEqual({ supports: 2, counted: true });
    expect((await citizen.post<Supported>(path)).body).toEqual({ supports: 2, counted: false });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import {
  freshPhone,
  lastCode,
  makeCampaign,
  makeSuggestion,
  minutePassed,
} from '../../test-support/factories-ideas.js';
import { ideaSuggestions, ideaSupports } from './schema.js';

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

/**
 * Supports as a browser would without the test client's cookie jar (the cookie given, or none),
 * with a phone proven by a code: a fresh one unless given.
 */
async function supportAs(id: string, ip: string, cookie?: string, phone = freshPhone()) {
  const headers: Record<string, string> = { 'x-forwarded-for': ip, 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  await minutePassed(t, phone);
  const ask = { method: 'POST', headers, body: JSON.stringify({ phone }) };
  expect((await t.app.request(`/api/v1/public/suggestions/${id}/support-code`, ask)).status).toBe(200);
  const body = JSON.stringify({ phone, code: lastCode(t, phone) });
  const res = await t.app.request(`/api/v1/public/suggestions/${id}/support`, {
    method: 'POST',
    headers,
    body,
  });
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

describe('one support per phone for the anonymous', () => {
  const post = (id: string, ip: string, body?: unknown) =>
    t.app.request(`/api/v1/public/suggestions/${id}/support`, {
      method: 'POST',
      headers: {
        'x-forwarded-for': ip,
        'accept-language': 'en',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('asks an anonymous supporter for a proven phone, in either language, counting nothing', async () => {
    const id = await newSuggestion();
    const none = await post(id, '10.21.0.1');
    expect(none.status).toBe(400);
    const problem = (await none.json()) as { title: string; errors: Array<{ path: string; code: string }> };
    expect(problem.title).toBe('The request is invalid');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'phone', code: 'phone_required' })]);
    const phone = freshPhone();
    await t.client('10.21.0.2').post(`/api/v1/public/suggestions/${id}/support-code`, { phone });
    const wrong = String((Number(lastCode(t, phone)) + 1) % 1_000_000).padStart(6, '0');
    const bad = await post(id, '10.21.0.2', { phone, code: wrong });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('invalid_code');
    expect((await post(id, '10.21.0.3', { phone: '12345', code: '1' })).status).toBe(400);
    const [row] = await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id));
    expect(row!.supports).toBe(0);
    expect(await t.database.db.select().from(ideaSupports).where(eq(ideaSupports.suggestionId, id))).toEqual(
      [],
    );
  });

  it('does not count again the same phone from another browser and address; keeps no number', async () => {
    const id = await newSuggestion();
    const phone = freshPhone();
    expect((await supportAs(id, '10.21.1.1', undefined, phone)).body).toEqual({ supports: 1, counted: true });
    expect((await supportAs(id, '10.21.1.2', undefined, phone)).body).toEqual({
      supports: 1,
      counted: false,
    });
    const rows = await t.database.db.select().from(ideaSupports).where(eq(ideaSupports.suggestionId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.phoneHash).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(rows)).not.toContain(phone.slice(3));
  });

  it('counts one of two supports at once: the same phone, or the same account', async () => {
    const id = await newSuggestion();
    const phone = freshPhone();
    await t.client('10.21.2.1').post(`/api/v1/public/suggestions/${id}/support-code`, { phone });
    const code = lastCode(t, phone);
    await Promise.all([post(id, '10.21.2.2', { phone, code }), post(id, '10.21.2.3', { phone, code })]);
    const citizen = await signedIn(t, 'citizen', tree.district);
    const path = `/api/v1/public/suggestions/${id}/support`;
    await Promise.all([citizen.post(path), citizen.post(path)]);
    const [row] = await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id));
    expect(row!.supports).toBe(2);
    expect(
      await t.database.db.select().from(ideaSupports).where(eq(ideaSupports.suggestionId, id)),
    ).toHaveLength(2);
  });
});

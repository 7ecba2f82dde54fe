import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { freshPhone, lastCode, makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { ideaSuggestions } from './schema.js';
import { auditRows } from './test-helpers.js';

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

interface Mine {
  total: number;
  items: Array<{
    id: string;
    status: string;
    trackingCode: string | null;
    phone: string | null;
    townName: string;
  }>;
}
interface Problem {
  title: string;
  errors?: Array<{ path: string; code: string }>;
}
const citizen = () => signedIn(t, 'citizen', tree.district);
const authorOf = async (id: string) =>
  (await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id)))[0]!.authorUserId;

describe('我的建议: the signed-in person’s own suggestions', () => {
  it('lists them newest first with their states and towns, paged; others’ are not there', async () => {
    const me = await citizen();
    const older = await makeSuggestion(t, {
      town: tree.street,
      author: me,
      state: 'accepted',
      screener: office,
    });
    const newer = await makeSuggestion(t, { town: tree.street, author: me });
    await makeSuggestion(t, { town: tree.street });
    const all = await me.get<Mine>('/api/v1/me/suggestions');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((s) => [s.id, s.status])).toEqual([
      [newer.id, 'submitted'],
      [older.id, 'accepted'],
    ]);
    expect(all.body.items[0]).toMatchObject({ trackingCode: newer.trackingCode, townName: tree.street.name });
    const second = await me.get<Mine>('/api/v1/me/suggestions?page=2&pageSize=1');
    expect(second.body).toMatchObject({ total: 2, items: [{ id: older.id }] });
  });

  it('is for citizens and firms: anonymous 401, staff 403, a bad page 400', async () => {
    expect((await t.client().get('/api/v1/me/suggestions')).status).toBe(401);
    expect((await office.get('/api/v1/me/suggestions')).status).toBe(403);
    const firm = await signedIn(t, 'enterprise', tree.district);
    expect((await firm.get('/api/v1/me/suggestions')).status).toBe(200);
    expect((await firm.get('/api/v1/me/suggestions?pageSize=0')).status).toBe(400);
  });
});

describe('attaching an anonymous suggestion by its tracking code and phone', () => {
  it('refuses a wrong tracking code, phone or SMS code in either language, writing nothing', async () => {
    const phone = freshPhone();
    const made = await makeSuggestion(t, { town: tree.street, extra: { phone } });
    const me = await citizen();
    const sent = t.sms.messages.length;
    const wrongCode = await me.request<Problem>(
      'POST',
      '/api/v1/me/suggestions/claim-code',
      { trackingCode: 'ABCDEFGHJK', phone },
      { 'accept-language': 'en' },
    );
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.title).toBe('The request is invalid');
    expect(wrongCode.body.errors).toEqual([
      expect.objectContaining({ path: 'trackingCode', code: 'claim_mismatch' }),
    ]);
    const wrongPhone = await me.post<Problem>('/api/v1/me/suggestions/claim-code', {
      trackingCode: made.trackingCode,
      phone: freshPhone(),
    });
    expect(wrongPhone.status).toBe(400);
    expect(wrongPhone.body.title).toBe('提交的内容有误');
    expect(t.sms.messages.length).toBe(sent);
    const ask = { trackingCode: made.trackingCode, phone };
    expect((await me.post('/api/v1/me/suggestions/claim-code', ask)).status).toBe(200);
    const wrong = String((Number(lastCode(t, phone)) + 1) % 1_000_000).padStart(6, '0');
    const badSms = await me.post<Problem>('/api/v1/me/suggestions/claim', { ...ask, code: wrong });
    expect(badSms.status).toBe(400);
    expect(badSms.body.errors?.[0]?.code).toBe('invalid_code');
    expect(await authorOf(made.id)).toBeNull();
    expect(await auditRows(t.database.db, 'suggestion.claim', made.id)).toHaveLength(0);
  });

  it('attaches it once the phone is proven, audited, listed as mine, with a message; a second account is refused', async () => {
    const phone = freshPhone();
    const made = await makeSuggestion(t, { town: tree.street, extra: { phone } });
    const me = await citizen();
    const ask = { trackingCode: made.trackingCode.toLowerCase(), phone };
    expect((await me.post('/api/v1/me/suggestions/claim-code', ask)).status).toBe(200);
    const res = await me.post<{ id: string }>('/api/v1/me/suggestions/claim', {
      ...ask,
      code: lastCode(t, phone),
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(made.id);
    expect(await authorOf(made.id)).toBe(me.user.id);
    expect(await auditRows(t.database.db, 'suggestion.claim', made.id)).toHaveLength(1);
    const mine = await me.get<Mine>('/api/v1/me/suggestions');
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: made.id, phone: `139****${phone.slice(-4)}` }),
    ]);
    const inbox = await me.get<Array<{ key: string }>>('/api/v1/inbox');
    expect(inbox.body.map((m) => m.key)).toContain('ideas.notice.claimed');
    const other = await citizen();
    const again = await other.post<Problem>('/api/v1/me/suggestions/claim-code', ask);
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0]?.code).toBe('already_claimed');
  });

  it('of two attachments with one code at once, one wins', async () => {
    const phone = freshPhone();
    const made = await makeSuggestion(t, { town: tree.street, extra: { phone } });
    const me = await citizen();
    const ask = { trackingCode: made.trackingCode, phone };
    await me.post('/api/v1/me/suggestions/claim-code', ask);
    const code = lastCode(t, phone);
    const both = await Promise.all([
      me.post('/api/v1/me/suggestions/claim', { ...ask, code }),
      me.post('/api/v1/me/suggestions/claim', { ...ask, code }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
    expect(both.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await auditRows(t.database.db, 'suggestion.claim', made.id)).toHaveLength(1);
  });

  it('does not count asking again within the phone’s minute as an attempt', async () => {
    const phone = freshPhone();
    const made = await makeSuggestion(t, { town: tree.street, extra: { phone } });
    const me = await citizen();
    const ask = { trackingCode: made.trackingCode, phone };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await me.post('/api/v1/me/suggestions/claim-code', ask)).status);
    expect(statuses).toEqual([200, ...Array(11).fill(429)]);
    const res = await me.post('/api/v1/me/suggestions/claim', { ...ask, code: lastCode(t, phone) });
    expect(res.status).toBe(200);
  });

  it('limits attempts per account', async () => {
    const me = await citizen();
    const guess = { trackingCode: 'ZZZZZZZZZZ', phone: freshPhone(), code: '123456' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await me.post('/api/v1/me/suggestions/claim', guess)).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('is not for staff', async () => {
    const res = await office.post('/api/v1/me/suggestions/claim-code', {
      trackingCode: 'ZZZZZZZZZZ',
      phone: freshPhone(),
    });
    expect(res.status).toBe(403);
  });
});

describe('the inbox’s unread count', () => {
  it('counts the unread messages and drops as they are read', async () => {
    const phone = freshPhone();
    const made = await makeSuggestion(t, { town: tree.street, extra: { phone } });
    const me = await citizen();
    const ask = { trackingCode: made.trackingCode, phone };
    await me.post('/api/v1/me/suggestions/claim-code', ask);
    await me.post('/api/v1/me/suggestions/claim', { ...ask, code: lastCode(t, phone) });
    await office.post(`/api/v1/ideas/suggestions/${made.id}/screen`, { decision: 'accept' });
    expect((await me.get('/api/v1/inbox/unread')).body).toEqual({ unread: 2 });
    const inbox = await me.get<Array<{ id: string; key: string }>>('/api/v1/inbox');
    expect(inbox.body.map((m) => m.key)).toContain('ideas.notice.accepted');
    await me.post(`/api/v1/inbox/${inbox.body[0]!.id}/read`);
    expect((await me.get('/api/v1/inbox/unread')).body).toEqual({ unread: 1 });
    expect((await t.client().get('/api/v1/inbox/unread')).status).toBe(401);
  });
});

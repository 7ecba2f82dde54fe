import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  type District,
  type MadeUser,
  makeDistrict,
  makeUser,
  signIn,
} from '../../test-support/factories.js';

let t: TestContext;
let tree: District;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', tree.district]] });
  await makeUser(t, {
    login: 'li.screener',
    displayName: '李筛选',
    phone: '13700001234',
    roles: [['screener', tree.district]],
  });
  await makeUser(t, {
    login: 'zhao.screener',
    displayName: '赵筛选',
    phone: '13900005678',
    roles: [['screener', tree.district]],
  });
  // A resident signs in with their phone: the login is the number.
  await makeUser(t, {
    login: '13600004321',
    displayName: '王居民',
    phone: '13600004321',
    roles: [['citizen', tree.district]],
  });
});
afterAll(() => t.close());

type Listed = { total: number; items: Array<{ login: string; phoneMasked: string | null }> };

async function search(q: string) {
  const admin = await signIn(t, office);
  const res = await admin.get<Listed>(`/api/v1/users?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('the accounts search by phone', () => {
  it.each([
    ['the whole number', '13700001234'],
    ['the number as people write it', '137-0000-1234'],
    ['with the country code', '+86 137 0000 1234'],
    ['its last four digits', '1234'],
    ['its masked form, as the list shows it', '137****1234'],
  ])('finds an account by %s, and sends the phone back masked only', async (_, q) => {
    const found = await search(q);
    expect(found.items.map((u) => u.login)).toEqual(['li.screener']);
    expect(found.items[0]?.phoneMasked).toBe('137****1234');
    expect(JSON.stringify(found)).not.toContain('13700001234');
  });

  it('does not find by the hidden middle digits, which would let one guess a number digit by digit', async () => {
    expect((await search('1370000')).total).toBe(0);
    expect((await search('00001')).total).toBe(0);
    // Nor through a login that is the phone.
    expect((await search('1360000')).total).toBe(0);
    expect((await search('4321')).items.map((u) => u.login)).toEqual(['136****4321']);
  });

  it('still finds by login and name', async () => {
    expect((await search('zhao')).items.map((u) => u.login)).toEqual(['zhao.screener']);
    expect((await search('李筛')).items.map((u) => u.login)).toEqual(['li.screener']);
  });
});

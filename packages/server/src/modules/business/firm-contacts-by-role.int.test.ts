import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { Firm, FirmPage } from './contracts.js';
import type { LiaisonPage } from './contracts-liaison.js';
import { businessFirms } from './schema.js';

/**
 * Who reads a firm's contacts whole: the office over it, the supervisors and its own staff, and
 * the cadre paired with it, who calls those contacts to arrange visits. Lists show them masked.
 */
let t: TestContext;
let firmId = '';
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  const cadre = await t.as('cadre');
  firmId = (await cadre.get<LiaisonPage>('/api/v1/business/liaison?pageSize=1')).body.items[0]!.firmId;
});
afterAll(() => t.close());

const stored = async () =>
  (await t.database.db.select().from(businessFirms).where(eq(businessFirms.id, firmId)))[0]!.contacts;

describe("a firm's contacts, by who reads them", () => {
  it.each(['office', 'supervisor', 'cadre'])('are whole on the firm’s record for %s', async (login) => {
    const res = await (await t.as(login)).get<Firm>(`/api/v1/business/firms/${firmId}`);
    expect(res.status).toBe(200);
    const contacts = await stored();
    expect(contacts.length).toBeGreaterThan(0);
    expect(res.body.contacts).toEqual(contacts);
  });

  it('are masked in the registry’s list, even for the office', async () => {
    const page = await (await t.as('office')).get<FirmPage>('/api/v1/business/firms?pageSize=20');
    const phones = page.body.items.flatMap((f) => f.contacts.map((c) => c.phone));
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});

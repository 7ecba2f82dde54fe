import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { createCategory } from './commands/categories.js';
import { createFirm } from './commands/createFirm.js';
import { createIndustry } from './commands/industries.js';
import { updateFirm } from './commands/updateFirm.js';
import { FirmInput, IndustryInput } from './contracts.js';
import { RequestCategoryInput } from './contracts-requests.js';
import { fileFirm, freshCode, townId } from './test-helpers.js';

/**
 * A code taken by another request at the same moment: both pass the check made before the
 * transaction, and the second meets the unique index. It is refused as the check refuses it
 * (CONFLICT, the field, `taken`), never with a bare database error. `racing` puts the first
 * request between the second one's check and its write, so these run alike on PGlite and
 * PostgreSQL.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const taken = (path: string) => ({ code: 'CONFLICT', errors: [{ path, code: 'taken' }] });
const meanwhile = async (work: () => Promise<{ status: number }>) => {
  const ctx = await contextOf(t, office);
  return { ...ctx, db: racing(ctx.db, async () => expect((await work()).status).toBe(201)) };
};

describe('a code taken at the same moment', () => {
  it('refuses the second request category with its code', async () => {
    const input = RequestCategoryInput.parse({ code: 'land_use', name: '用地保障' });
    const ctx = await meanwhile(() => office.post('/api/v1/business/request-categories', input));
    expect(await refusal(createCategory.run(ctx, input))).toMatchObject(taken('code'));
  });

  it('refuses the second industry with its code', async () => {
    const input = IndustryInput.parse({ code: 'C99', name: '其他制造业' });
    const ctx = await meanwhile(() => office.post('/api/v1/business/industries', input));
    expect(await refusal(createIndustry.run(ctx, input))).toMatchObject(taken('code'));
  });

  it('refuses the second firm filed with a credit code', async () => {
    const creditCode = freshCode();
    const body = {
      name: '同码企业有限公司',
      creditCode,
      industryCode: 'C',
      townId: await townId(t, 'QJ-T09'),
      size: 'small',
      contacts: [{ name: '张伟', phone: '13912345678' }],
    };
    const ctx = await meanwhile(() => office.post('/api/v1/business/firms', body));
    expect(
      await refusal(createFirm.run(ctx, FirmInput.parse({ ...body, name: '另一家企业有限公司' }))),
    ).toMatchObject(taken('creditCode'));
  });

  it('refuses a firm corrected to a credit code another firm was given meanwhile', async () => {
    const firm = await fileFirm(t, office, 'QJ-T09');
    const creditCode = freshCode();
    const ctx = await meanwhile(async () => {
      await fileFirm(t, office, 'QJ-T09', { creditCode });
      return { status: 201 };
    });
    expect(await refusal(updateFirm.run(ctx, { id: firm.id, changes: { creditCode } }))).toMatchObject(
      taken('creditCode'),
    );
    const read = await office.get<{ creditCode: string }>(`/api/v1/business/firms/${firm.id}`);
    expect(read.body.creditCode).toBe(firm.creditCode);
  });
});

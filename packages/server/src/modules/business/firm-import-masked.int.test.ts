import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { loadWorkbook } from '../../test-support/workbook.js';
import { businessFirms } from './schema.js';
import { fileFirm, freshCode, type Problem, xlsxType } from './test-helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

const contactsOf = async (code: string) =>
  (await t.database.db.select().from(businessFirms).where(eq(businessFirms.creditCode, code)))[0]!.contacts;

describe('importing the registry’s own export back', () => {
  it('reads masked contacts as unchanged: export, correct a town, import again', async () => {
    const office = await t.as('office');
    const firm = await fileFirm(t, office, 'QJ-X01', {
      contacts: [
        { name: '田小红', phone: '13900001111' },
        { name: '向军', phone: '023-79223456' },
      ],
    });
    const exported = await office.get<Uint8Array>(`/api/v1/business/firms/export?q=${firm.creditCode}`);
    expect(exported.status).toBe(200);

    // The office corrects the firm's town in the workbook and sends the same file back.
    const book = await loadWorkbook(exported.body);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('G2').value)).toContain('*');
    sheet.getCell('D2').value = '濯水镇';
    const corrected = new Uint8Array(await book.xlsx.writeBuffer());

    const res = await office.request('POST', '/api/v1/business/firms/import', corrected, xlsxType);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
    // The contacts are the full ones the firm had, not the masked cells.
    expect(await contactsOf(firm.creditCode)).toEqual([
      { name: '田小红', phone: '13900001111' },
      { name: '向军', phone: '023-79223456' },
    ]);

    // The untouched export imports as "nothing changed".
    const again = await office.request('POST', '/api/v1/business/firms/import', exported.body, xlsxType);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0 });
  });

  it('refuses a masked contact for a firm the registry does not hold, naming the row', async () => {
    const office = await t.as('office');
    const book = await loadWorkbook(
      (await office.get<Uint8Array>('/api/v1/business/firms/export?q=no-such-firm')).body,
    );
    const sheet = book.worksheets[0]!;
    sheet.addRow([
      '重庆打码联系人有限公司',
      freshCode(),
      'C 制造业',
      '濯水镇',
      '小型',
      '田**',
      '139****1111',
    ]);
    const file = new Uint8Array(await book.xlsx.writeBuffer());
    const res = await office.request<Problem>('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => `${e.path}:${e.code}`)).toEqual(['row 2.contactPhone:masked_contact']);
  });
});

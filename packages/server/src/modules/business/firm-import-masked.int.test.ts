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

  /** The firm's export, with the cells `edit` sets, as a workbook to import. */
  const exportedWith = async (code: string, edit: Record<string, string>) => {
    const office = await t.as('office');
    const book = await loadWorkbook(
      (await office.get<Uint8Array>(`/api/v1/business/firms/export?q=${code}`)).body,
    );
    const sheet = book.worksheets[0]!;
    for (const [cell, value] of Object.entries(edit)) sheet.getCell(cell).value = value;
    return new Uint8Array(await book.xlsx.writeBuffer());
  };
  const twoContacts = [
    { name: '田小红', phone: '13900001111' },
    { name: '向军', phone: '023-79223456' },
  ];

  it('takes a corrected phone beside the masked name: the first contact keeps its name, gets the new phone', async () => {
    const office = await t.as('office');
    const firm = await fileFirm(t, office, 'QJ-X01', { contacts: twoContacts });
    // The name cell stays as exported (田**；向*), the phone cell is overwritten with one number.
    const file = await exportedWith(firm.creditCode, { G2: '13900002222' });
    const res = await office.request('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await contactsOf(firm.creditCode)).toEqual([
      { name: '田小红', phone: '13900002222' },
      { name: '向军', phone: '023-79223456' },
    ]);
  });

  it('takes a corrected name beside the masked phone of the first contact', async () => {
    const office = await t.as('office');
    const firm = await fileFirm(t, office, 'QJ-X01', { contacts: [twoContacts[0]!] });
    const file = await exportedWith(firm.creditCode, { F2: '田晓红' });
    const res = await office.request('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await contactsOf(firm.creditCode)).toEqual([{ name: '田晓红', phone: '13900001111' }]);
  });

  it('refuses a new phone beside a masked name that is not the firm’s contact, naming the cell', async () => {
    const office = await t.as('office');
    const firm = await fileFirm(t, office, 'QJ-X01', { contacts: twoContacts });
    const file = await exportedWith(firm.creditCode, { F2: '张**', G2: '13900002222' });
    const res = await office.request<Problem>('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => `${e.path}:${e.code}`)).toEqual([
      'row 2.contactName:masked_contact_unknown',
    ]);
    expect(await contactsOf(firm.creditCode)).toEqual(twoContacts);
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

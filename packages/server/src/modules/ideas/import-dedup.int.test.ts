import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { makeCampaign } from '../../test-support/factories-ideas.js';
import { importColumns } from './excel.js';
import { ideaSuggestions } from './schema.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let townCode: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  townCode = (await makeUnit(t, { parent: tree.district, kind: 'town' })).code;
});
afterAll(() => t.close());

const LETTER = '我们联名建议开通高铁站到城区的公交接驳专线，方便群众出行，恳请有关部门研究解决。';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Report = { created: number; skipped: number; skippedRows: number[] };

/** A workbook of these rows (the first is the sheet's row 2), all one template letter. */
async function send(people: Array<{ realName: string; phone: string }>) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('建议导入');
  sheet.columns = importColumns.map((c) => ({ key: c.key, header: c.header }));
  for (const p of people)
    sheet.addRow({
      title: '恳请在黔江高铁站开通城区公交接驳专线',
      body: LETTER,
      townCode,
      authorKind: 'resident',
      channel: 'written',
      domain: '',
      ...p,
    });
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return office.request<Report>('POST', '/api/v1/ideas/import', bytes, { 'content-type': XLSX });
}

describe('importing the same letter from several residents', () => {
  it('keeps each resident’s letter, skips a repeated row and names it', async () => {
    const zhang = { realName: '张三', phone: '13800000001' };
    const li = { realName: '李四', phone: '13800000002' };
    const first = await send([zhang, li, zhang]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, skipped: 1, skippedRows: [4] });
    const names = await t.database.db
      .select({ name: ideaSuggestions.realName })
      .from(ideaSuggestions)
      .where(sql`import_key is not null`);
    expect(names.map((n) => n.name).sort()).toEqual(['张三', '李四']);
    const again = await send([li, { realName: '王五', phone: '' }]);
    expect(again.body).toEqual({ created: 1, skipped: 1, skippedRows: [2] });
  });

  it('still knows a named row imported before names and phones counted in its key', async () => {
    const zhao = { realName: ' 赵六 ', phone: '13800000004' };
    expect((await send([zhao])).body).toEqual({ created: 1, skipped: 0, skippedRows: [] });
    // As that row was keyed then: its text, town, author and channel only.
    const earlier = createHash('sha256')
      .update(
        ['恳请在黔江高铁站开通城区公交接驳专线', LETTER, townCode, 'resident', 'written'].join('\u0001'),
      )
      .digest('base64url')
      .slice(0, 32);
    await t.database.db
      .update(ideaSuggestions)
      .set({ importKey: earlier })
      .where(eq(ideaSuggestions.realName, '赵六'));
    expect((await send([zhao])).body).toEqual({ created: 0, skipped: 1, skippedRows: [2] });
  });
});

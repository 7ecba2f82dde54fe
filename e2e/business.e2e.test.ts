import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { expectFitsWidth, signIn, signOut } from './support/session.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };

/** Valid codes no demo firm has (the demo firms' subject identifiers start MA). */
const filed = { name: '重庆端到端食品有限公司', code: '91500114T00000017H' };
const imported = [
  { name: '重庆端到端建材有限公司', code: '91500114T00000027J' },
  { name: '黔江区端到端超市', code: '92500114T00000037G' },
];

/** A workbook in the registry's template columns. */
async function workbook(rows: Array<{ name: string; code: string }>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业');
  sheet.addRow(['企业名称', '统一社会信用代码', '行业门类', '所在镇街', '企业规模', '联系人', '联系电话']);
  for (const r of rows) sheet.addRow([r.name, r.code, 'C 制造业', '城西街道', '小型', '冉涛', '13911112222']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.runIf(enabled)('business: the office keeps the firm registry, a firm sees its own', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let page: Page;
  let invitation = '';

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch(desktop);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Picks the option of an open select whose text contains `text`. */
  const pick = async (selector: string, typed: string, text: string) => {
    await page.locator(selector).fill(typed);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
      .first()
      .click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  };

  it('the office files a firm, its credit code checked as it is typed', async () => {
    await signIn(page, server, 'office');
    await page.goto(`${server.url}/admin/business/firms`);
    await page.getByTestId('firm-create').click();
    await page.locator('#firm_name').fill(filed.name);
    // One character mistyped: the check character no longer matches.
    await page.locator('#firm_creditCode').fill(`${filed.code.slice(0, 17)}X`);
    await page.getByText('校验码不符，请核对是否有输错的字符').waitFor();
    await page.locator('#firm_creditCode').fill(filed.code);
    await page.getByText('校验码不符，请核对是否有输错的字符').waitFor({ state: 'hidden' });
    await pick('#firm_industryCode', '制造', 'C 制造业');
    await pick('#firm_townId', '城西', '城西街道');
    await page.locator('#firm_size').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '小型' }).click();
    await page.getByLabel('姓名').fill('张明');
    await page.getByLabel('电话').fill('13912345678');
    const [created] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/business/firms') && r.request().method() === 'POST',
      ),
      page.getByTestId('firm-submit').click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    await page.getByTestId('firm-search').locator('input').fill(filed.code);
    await page.getByTestId('firm-search').locator('input').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: filed.name });
    await row.waitFor();
    // The list masks the contact; the firm's own record keeps it whole.
    expect(await row.textContent()).toContain('张* 139****5678');
    await screenshot(page, 'business-firm-filed');
  });

  it('imports a workbook all or nothing, with a report of the bad rows', async () => {
    const bad = await workbook([
      imported[0]!,
      { name: '校验码错的企业', code: `${imported[1]!.code.slice(0, 17)}0` },
    ]);
    await page
      .locator('input[type=file][accept=".xlsx"]')
      .setInputFiles({ name: 'bad.xlsx', mimeType: 'application/octet-stream', buffer: bad });
    const report = page.locator('.ant-modal', { hasText: '导入未完成' });
    await report.waitFor();
    expect(await report.textContent()).toContain('统一社会信用代码');
    expect(await report.textContent()).toContain('校验码不符');
    await screenshot(page, 'business-import-report');
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'hidden' });

    const good = await workbook(imported);
    await page
      .locator('input[type=file][accept=".xlsx"]')
      .setInputFiles({ name: 'firms.xlsx', mimeType: 'application/octet-stream', buffer: good });
    await page.getByText('导入完成：新增 2，更新 0，未变 0').waitFor();
    await page.getByTestId('firm-search').locator('input').fill('端到端');
    await page.getByTestId('firm-search').locator('input').press('Enter');
    // The report's own table stays in the page, hidden: count the registry's rows only.
    const rows = page.locator('.ant-table-row', { hasText: '端到端' });
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
  });

  it('the office invites a member of the firm’s staff by link', async () => {
    const row = page.locator('.ant-table-row', { hasText: filed.name });
    await row.getByRole('button', { name: `企业账号：${filed.name}`, exact: true }).click();
    await page.locator('#firmInvite_displayName').fill('端到端食品 王会计');
    await page.getByTestId('firm-invite-submit').click();
    const link = page.getByTestId('firm-invite-link');
    await link.waitFor();
    invitation = (await link.textContent())?.trim() ?? '';
    expect(invitation).toMatch(/\/invite\/\S+$/);
    await page.keyboard.press('Escape');
    await signOut(page);
  });

  it("the firm's staff member joins, and sees that firm only, on a phone", async () => {
    await page.setViewportSize(phone);
    await page.goto(invitation);
    await page.locator('#invite_login').fill('e2e.firm.wang');
    await page.locator('#invite_password').fill('e2e-firm-password-1');
    await page.locator('#invite_confirm').fill('e2e-firm-password-1');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/firm$/);
    const card = page.getByTestId('my-firm');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(filed.name);
    expect(text).toContain(filed.code);
    expect(text).toContain('13912345678');
    for (const other of imported) expect(text).not.toContain(other.name);
    await expectFitsWidth(page);
    await screenshot(page, 'business-my-firm-phone');

    // The registry stays closed to a firm: its list refused, another firm's record not found.
    const answers = await page.evaluate(async () => {
      const list = await fetch('/api/v1/business/firms');
      const page1 = await fetch('/api/v1/business/my-firm').then((r) => r.json());
      return { list: list.status, mine: page1.creditCode as string };
    });
    expect(answers).toEqual({ list: 403, mine: filed.code });
    // The console is not a firm's: it is told so and led to its own pages.
    await page.goto(`${server.url}/admin/business/firms`);
    await page.getByRole('heading', { name: '管理后台供区里工作人员使用' }).waitFor();
    expect(await page.getByTestId('admin-menu').count()).toBe(0);
  });
});

import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook, validationOf } from '../packages/server/src/test-support/workbook.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { noSideScroll as fitsWidth, signIn as signInAs, signOut as signOutOf } from './support/session.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };
// The smallest valid PNG header and a few bytes: the server checks the first bytes, not the name.
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe.runIf(enabled)('ideas: campaign set-up, an organiser’s dashboard and a scanned letter', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch(desktop);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (login: string) => signInAs(page, server, login);
  const signOut = () => signOutOf(page);
  const noSideScroll = () => fitsWidth(page);
  /** Waits for the drawer to finish sliding in, so the screenshot shows all of it. */
  const drawerOpen = () =>
    expect
      .poll(async () => {
        const box = await page.locator('.ant-drawer-content-wrapper').boundingBox();
        return box ? Math.round(box.x + box.width) : 0;
      })
      .toBe(page.viewportSize()!.width);

  it('the office sets up the next campaign from a copy of the current one', async () => {
    await signIn('office');
    await page.goto(`${server.url}/admin/ideas/campaigns`);
    await page.getByTestId('campaign-create').click();
    await page.locator('#campaign_code').fill('spring-2021');
    await page.locator('#campaign_theme').fill('建设渝东南中心城市');
    await page.locator('#campaign_startsOn').fill('2021-03-01');
    await page.locator('#campaign_endsOn').fill('2021-05-31');
    await drawerOpen();
    await screenshot(page, 'ideas-campaign-form');
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/ideas/campaigns') && r.request().method() === 'POST',
      ),
      page.getByTestId('campaign-save').click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(201);
    await page.getByTestId('campaign-edit-spring-2021').waitFor();
    await screenshot(page, 'ideas-campaigns');
    // The copy keeps the current campaign's domains; the current campaign stays current.
    const campaigns = (await page.evaluate(async () => (await fetch('/api/v1/ideas/campaigns')).json())) as {
      items: Array<{ code: string; isCurrent: boolean; domains: unknown[] }>;
    };
    const [copy, current] = [
      campaigns.items.find((c) => c.code === 'spring-2021')!,
      campaigns.items.find((c) => c.isCurrent)!,
    ];
    expect(copy.isCurrent).toBe(false);
    expect(copy.domains).toEqual(current.domains);
    await signOut();
  });

  it('an organiser enters a letter with its scan, and sees and exports their own street on a phone', async () => {
    await signIn('organiser');
    await page.goto(`${server.url}/admin/ideas/screening`);
    await page.getByTestId('written-entry').click();
    await page.locator('#written_title').fill('建议城西街道增设社区食堂');
    await page
      .locator('#written_body')
      .fill('城西街道老年人多，午餐不便，建议在社区增设老年食堂，方便老人就餐。');
    await page.locator('#written_townId').fill('城西');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '来信.png', mimeType: 'image/png', buffer: png });
    const [scan] = await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/ideas\/suggestions\/[^/]+\/attachments$/.test(r.url())),
      page.locator('.ant-modal-footer .ant-btn-primary').click(),
    ]);
    expect(scan.status(), await scan.text()).toBe(201);

    await page.setViewportSize(phone);
    await page.goto(`${server.url}/admin/ideas/dashboard`);
    const scope = page.getByTestId('dashboard-scope');
    await scope.waitFor();
    await expect.poll(() => scope.textContent()).toContain('城西街道');
    await expect.poll(noSideScroll).toBe(true);
    // The charts draw on canvas once their lazily loaded code arrives, then animate for a second.
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(1_500);
    await screenshot(page, 'ideas-dashboard-organiser-phone');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dashboard-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('大讨论统计.xlsx');
    await page.setViewportSize(desktop);
    await signOut();
  });

  it('an organiser fills the import template in Chinese names and imports it; a screener has no import', async () => {
    await signIn('organiser');
    await page.goto(`${server.url}/admin/ideas/screening`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-template').click(),
    ]);
    const book = await loadWorkbook(await readFile((await download.path())!));
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      ...['标题', '建议内容', '所在镇街', '身份', '渠道', '领域', '姓名', '电话'],
    ]);
    // Each enumerated column offers a drop-down of names; the towns' list is on a hidden sheet.
    const rule = (cell: string) => validationOf(sheet, cell);
    expect(rule('D2')).toMatchObject({
      type: 'list',
      formulae: ['"居民,干部,在外黔江人,学生,企业,人大代表/政协委员"'],
    });
    expect(rule('C2')?.type).toBe('list');
    expect(rule('F2')?.formulae?.[0]).toContain('交通出行');

    const row = sheet.getRow(2);
    row.getCell(1).value = '建议城西街道增设夜间公交线路';
    row.getCell(2).value = '城西街道夜班工人多，晚上十点后没有公交，建议增设夜间公交线路，方便群众出行。';
    row.getCell(3).value = '城西街道';
    row.getCell(4).value = '居民';
    row.getCell(5).value = '上门走访';
    row.getCell(6).value = '交通出行';
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const [imported] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/ideas/import')),
      page
        .locator('input[type=file][accept=".xlsx,.csv"]')
        .setInputFiles({ name: '来信登记.xlsx', mimeType: 'application/octet-stream', buffer: filled }),
    ]);
    expect(imported.status(), await imported.text()).toBe(200);
    await page.getByText('已导入 1 条，跳过 0 条').waitFor();
    await signOut();

    await signIn('screener');
    await page.goto(`${server.url}/admin/ideas/screening`);
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByTestId('import-upload').count()).toBe(0);
    expect(await page.getByTestId('import-template').count()).toBe(0);
    await signOut();
  });
});

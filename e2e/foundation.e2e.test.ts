import { builtInYears } from '@qianxing/core/calendar';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn } from './support/session.js';
import { openSettled } from './support/settle.js';

const enabled = browserAvailability();

describe.runIf(enabled)('first journey: the office creates a user who then signs in', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in as admin, creates a user, and that user signs in and sets a password', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('#login').fill('office');
    await page.locator('#password').fill(server.accounts.office!);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/admin/);
    await page.getByTestId('admin-menu').waitFor();

    await page.goto(`${server.url}/admin/users`);
    await page.getByTestId('user-create').click();
    await page.locator('#userCreate_login').fill('e2e.screener');
    await page.locator('#userCreate_displayName').fill('端到端 初筛员');
    await page.getByTestId('grant-role-0').click();
    await page.locator('.ant-select-dropdown:visible').getByText('初筛人员', { exact: true }).first().click();
    // The unit tree may still be filling when the form opens, and a node clicked while it is
    // rebuilt is lost: pick again until the field shows the unit.
    const chosenUnit = page.locator('[data-testid="grant-unit-0"] .ant-select-content[title="黔江区"]');
    const unitNode = page.locator('.ant-select-dropdown:visible .ant-select-tree-title', {
      hasText: '黔江区',
    });
    for (let attempt = 0; attempt < 5 && !(await chosenUnit.count()); attempt++) {
      await page.getByTestId('grant-unit-0').click();
      await unitNode.first().click();
      await chosenUnit.waitFor({ timeout: 3_000 }).catch(() => page.keyboard.press('Escape'));
    }
    await chosenUnit.waitFor();
    await page.getByTestId('user-create-submit').click();
    const shown = page.getByTestId('initial-password');
    await shown.waitFor();
    const password = (await shown.textContent())?.trim() ?? '';
    expect(password).toMatch(/^\S{16}$/);
    await screenshot(page, 'foundation-admin-created-user');
    await page.keyboard.press('Escape');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin'));

    await page.goto(`${server.url}/login`);
    await page.locator('#login').fill('e2e.screener');
    await page.locator('#password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/account\/password/);
    await page.locator('#current').fill(password);
    await page.locator('#next').fill('e2e-new-password-1');
    await page.locator('#confirm').fill('e2e-new-password-1');
    await page.getByTestId('password-submit').click();
    await page.waitForURL(/\/admin/);
    await page.getByText('黔江区', { exact: false }).first().waitFor();
    await screenshot(page, 'foundation-new-user-signed-in');
    const session = await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.json()));
    expect(session.user.login).toBe('e2e.screener');
    expect(session.user.mustChangePassword).toBe(false);
  });

  it('shows the public shell on a phone without horizontal scrolling', async () => {
    const phone = await launch({ width: 375, height: 812 });
    try {
      const page = await phone.newPage();
      await page.goto(server.url);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'foundation-public-home-phone');
    } finally {
      await phone.close();
    }
  });

  it('runs the web app and the API docs under the content security policy, nothing refused', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy refused ${e.violatedDirective}: ${e.blockedURI}`),
      ),
    );
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#root').textContent()).not.toBe('');
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('Qianxing API');
    expect(refused).toEqual([]);
    await page.close();
  });

  it('loads next year’s holidays by pasting the notice, and the calendar holds the year', async () => {
    // Next year in China whenever this runs (or the first year the code does not hold), and a
    // Saturday of its February to be worked.
    const nextYear =
      Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format()) + 1;
    const year = Math.max(nextYear, (builtInYears.at(-1) ?? 0) + 1);
    const saturday = [1, 2, 3, 4, 5, 6, 7].find((d) => new Date(Date.UTC(year, 1, d)).getUTCDay() === 6)!;
    const notice = [
      `国务院办公厅关于${year}年部分节假日安排的通知`,
      '一、元旦：1月1日至3日放假调休，共3天。',
      `二、春节：2月${saturday + 1}日至${saturday + 7}日放假调休，共7天。2月${saturday}日（周六）上班。`,
      '国务院办公厅',
      `${year - 1}年11月3日`,
    ].join('\n');
    const page = await browser.newPage();
    await signIn(page, server, 'office');
    await openSettled(page, `${server.url}/admin/calendar`);
    // Until next year is loaded, the page says its deadlines count Monday to Friday.
    if (year === nextYear) await page.getByTestId('calendar-uncovered').waitFor();
    await page.getByTestId('calendar-load').click();
    await page.getByTestId('calendar-text').fill(notice);
    await expect
      .poll(() => page.getByTestId('calendar-preview-holidays').locator('tbody tr').count())
      .toBe(2);
    await page.getByTestId('calendar-number').fill(`国办发明电〔${year - 1}〕9号`);
    await page.getByTestId('calendar-url').fill('https://www.gov.cn/zhengce/');
    await expectNoAxeViolations(page, '/admin/calendar (loading a year)');
    await page.getByTestId('calendar-save').click();
    await page.getByTestId(`calendar-unload-${year}`).waitFor();
    expect(await page.getByTestId('calendar-uncovered').count()).toBe(0);
    await screenshot(page, 'calendar-year-loaded');
    // The server keeps it as loaded by the office.
    const years = await page.evaluate(async () => (await fetch('/api/v1/calendar/years')).json());
    expect(years.at(-1)).toMatchObject({ year, builtIn: false, loadedBy: expect.any(String) });
    await page.close();
  });
});

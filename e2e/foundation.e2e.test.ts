import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';

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
});

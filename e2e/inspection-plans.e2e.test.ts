import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn } from './support/session.js';
import { openSettled } from './support/settle.js';

const enabled = browserAvailability();

describe.runIf(enabled)(
  'joint plans: the office sees the demo plan on its calendar, adjusts a visit and publishes it',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch();
      page = await browser.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce' });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('shows the plan with its figures on the month calendar', async () => {
      await signIn(page, server, 'office');
      await openSettled(page, `${server.url}/admin/inspections/plans`);
      await expect.poll(() => page.getByTestId('plan-visit').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const visits = Number(
        await page.getByTestId('plan-figure-visits').locator('.ant-statistic-content-value').textContent(),
      );
      const bound = Number(
        await page
          .getByTestId('plan-figure-lowerBound')
          .locator('.ant-statistic-content-value')
          .textContent(),
      );
      expect(visits).toBeGreaterThanOrEqual(bound);
      expect(await page.getByTestId('plan-status').textContent()).toBe('草稿');
      await expectNoAxeViolations(page, '/admin/inspections/plans');
      await screenshot(page, 'inspection-plan-calendar');
    });

    it('opens a visit in a drawer and saves it: every rule is checked again and it passes', async () => {
      await page.getByTestId('plan-visit').first().click();
      const drawer = page.getByTestId('visit-drawer');
      await expect.poll(() => drawer.getByTestId('visit-save').count(), { timeout: 10_000 }).toBe(1);
      await expectNoAxeViolations(page, '/admin/inspections/plans (visit drawer)');
      await drawer.getByTestId('visit-save').click();
      await expect
        .poll(() => page.locator('.ant-message').getByText('已调整，所有规则均已重新核对').count(), {
          timeout: 10_000,
        })
        .toBe(1);
    });

    it('publishing tells the firms and freezes the plan', async () => {
      await page.getByTestId('plan-publish').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect
        .poll(() => page.getByTestId('plan-status').textContent(), { timeout: 20_000 })
        .toBe('已发布');
      expect(await page.getByTestId('plan-publish').count()).toBe(0);
      await page.getByTestId('plan-visit').first().click();
      await expect.poll(() => page.getByTestId('visit-drawer').count()).toBe(1);
      expect(await page.getByTestId('visit-save').count()).toBe(0);
    });

    // Which visits it lists is checked in plans.int.test.ts; the demo's firm1 may have none.
    it("a firm's page has its upcoming joint inspections section, and passes the accessibility check on a phone", async () => {
      const firm = await launch({ width: 375, height: 812 });
      try {
        const view = await firm.newPage();
        await view.emulateMedia({ reducedMotion: 'reduce' });
        await view.goto(`${server.url}/login`);
        await view.locator('#login').fill('firm1');
        await view.locator('#password').fill(server.accounts.firm1!);
        await view.getByTestId('login-submit').click();
        await view.waitForURL((url) => !url.pathname.startsWith('/login'));
        await openSettled(view, `${server.url}/firm`);
        await expect.poll(() => view.getByTestId('my-visits').count(), { timeout: 20_000 }).toBe(1);
        expect(await view.getByTestId('my-visits').textContent()).toContain('即将到来的联合检查');
        await expectNoAxeViolations(view, '/firm with its joint inspections (phone)');
      } finally {
        await firm.close();
      }
    });
  },
);

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleIds,
  consolePages,
  type DemoIds,
  demoIds,
  fillPath,
  publicIds,
} from './support/a11y-pages.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch } from './support/browser.js';
import { calm } from './support/phone.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn, signOut } from './support/session.js';
import { openSettled } from './support/settle.js';

const enabled = browserAvailability();
const desktop = { width: 1280, height: 800 };

// The console's pages, signed in as the office; the public site and the pages used outside the
// console are checked in a11y.e2e.test.ts.
describe.runIf(enabled)('accessibility of the console: no WCAG 2.1 AA violation that axe-core finds', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let page: Page;
  const ids: DemoIds = { ...demoIds };

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch(desktop);
    page = await browser.newPage();
    // No transitions half-way through: axe measures colours as they settle.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(server.url);
    Object.assign(ids, await publicIds(page));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('the console, signed in as the office', () => {
    beforeAll(async () => {
      await page.setViewportSize(desktop);
      await signIn(page, server, 'office');
      // A demo quarterly report, for the report form; a demo 走出去 event that collected suggestions;
      // a unit's plan with indicators, for the plan editor.
      Object.assign(ids, await consoleIds(page));
    });
    afterAll(async () => {
      await signOut(page);
    });
    it.each(consolePages)('console page %s', async (path) => {
      await openSettled(page, `${server.url}${fillPath(path, ids)}`);
      await expectNoAxeViolations(page, path);
    });
    it('the findings of a completed visit, in the plan page’s drawer', async () => {
      await openSettled(page, `${server.url}/admin/inspections/plans`);
      await page.getByTestId('plan-select').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '已发布' })
        .first()
        .click();
      const done = page.locator('[data-testid="plan-visit"][data-status="completed"]').first();
      await done.waitFor({ timeout: 20_000 });
      await done.click();
      await page.getByTestId('visit-findings').waitFor({ timeout: 20_000 });
      await calm(page);
      expect(await page.getByTestId('finding-item').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('visit-rating-read').count()).toBe(1);
      await expectNoAxeViolations(page, '/admin/inspections/plans (a visit’s findings)');
      await page.keyboard.press('Escape');
    });
    it('the invitations tab of the accounts page', async () => {
      await openSettled(page, `${server.url}/admin/users`);
      await page.getByRole('tab', { name: '邀请' }).click();
      await page.getByTestId('invitation-invite').waitFor();
      await calm(page);
      await expectNoAxeViolations(page, '/admin/users (invitations)');
    });
  });
});

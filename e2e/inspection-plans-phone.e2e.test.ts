import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { noSideScroll, signIn } from './support/session.js';
import { openSettled } from './support/settle.js';

const enabled = browserAvailability();

describe.runIf(enabled)(
  'joint plans on a phone 390 pixels wide: cards, short tables, no sideways scroll',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch({ width: 390, height: 844 });
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('shows the demo plan’s days as cards, the page no wider than the screen', async () => {
      await signIn(page, server, 'office');
      await openSettled(page, `${server.url}/admin/inspections/plans`);
      await page
        .getByTestId('plan-agenda')
        .or(page.locator('.ant-empty'))
        .first()
        .waitFor({ timeout: 20_000 });
      expect(await page.locator('table.plan-calendar').count()).toBe(0);
      // The demo's draft runs from the next working day after it was seeded: walk the months until one has visits.
      for (let i = 0; i < 3 && (await page.getByTestId('plan-visit').count()) === 0; i++)
        await page.getByRole('button', { name: '下个月' }).click();
      await expect.poll(() => page.getByTestId('plan-visit').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.getByTestId('rectifications').waitFor();
      await page.getByTestId('inspection-figures').waitFor();
      expect(await noSideScroll(page)).toBe(true);
      await screenshot(page, 'inspection-plans-phone');
    });

    it('opens a visit on the whole screen, still no sideways scroll', async () => {
      await page.getByTestId('plan-visit').first().click();
      const drawer = page.getByTestId('visit-drawer');
      await drawer.getByTestId('visit-save').waitFor({ timeout: 10_000 });
      const box = await page.locator('.ant-drawer-content-wrapper').boundingBox();
      expect(box!.width).toBeLessThanOrEqual(390);
      expect(await noSideScroll(page)).toBe(true);
    });
  },
);

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn, signOut } from './support/session.js';

const enabled = browserAvailability();
const issue = '端到端 厂区道路破损影响货车通行';

describe.runIf(enabled)(
  '百名干部联千企: a cadre logs a visit whose issue becomes a request; the office re-pairs',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch();
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('the cadre sees only their firms, logs a visit and raises the firm’s issue as its request', async () => {
      await signIn(page, server, 'cadre');
      await page.goto(`${server.url}/admin/business/liaison`);
      const rows = page.locator('[data-testid="liaison-table"] .ant-table-row');
      await rows.first().waitFor();
      // Only their own firms: every row names them as the cadre.
      const cadres = await rows.locator('td:nth-child(4)').allTextContents();
      expect(new Set(cadres)).toEqual(new Set(['联企干部 周建国']));
      await expect.poll(() => page.getByTestId('liaison-propose').count()).toBe(0);

      await rows.first().getByTestId('liaison-open').click();
      const drawer = page.getByTestId('liaison-drawer');
      await drawer.getByTestId('liaison-log').waitFor();
      await page.locator('#attendees').fill('总经理 李强');
      await page.locator('#topics').fill('了解四季度订单、用工和物流情况');
      await drawer.getByTestId('liaison-add-issue').click();
      await page.locator('#issues_0_title').fill(issue);
      await page
        .locator('#issues_0_body')
        .fill('厂区门口约200米道路破损，雨天积水，货车进出困难，希望协调修复。');
      // The form at rest (an open select's transient list box is antd's, not the form's).
      await expectNoAxeViolations(page, 'liaison visit form');
      await page.locator('#issues_0_categoryCode').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '基础设施' })
        .click();
      await drawer.getByTestId('liaison-issue-raise').click();
      await drawer.getByTestId('liaison-log').click();
      // The first request a fresh server takes waits for the routing model's first training (in a
      // worker, seconds, longer on a busy machine): the visit is saved once it is done.
      await page.getByText('走访已记录').waitFor({ timeout: 90_000 });
      const link = drawer.getByTestId('liaison-issue-request');
      await link.waitFor();
      await screenshot(page, 'business-liaison-visit');
      await link.click();
      await page.waitForURL(/\/admin\/business\/requests/);
      await page.locator('.ant-table-row', { hasText: issue }).waitFor();
      await signOut(page);
    });

    it('the office frees a firm, asks for a proposal and applies it', async () => {
      await signIn(page, server, 'office');
      await page.goto(`${server.url}/admin/business/liaison`);
      await page.locator('[data-testid="liaison-table"] .ant-table-row').first().waitFor();
      // Ends one pairing through the API, as a change of the roster would.
      const freed = await page.evaluate(async () => {
        const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
        const list = (await (await fetch('/api/v1/business/liaison?pageSize=1')).json()) as {
          items: Array<{ firmId: string; firmName: string }>;
        };
        await fetch('/api/v1/business/liaison/pairs', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ pairs: [{ firmId: list.items[0]!.firmId, cadreId: null }] }),
        });
        return list.items[0]!.firmName;
      });
      await page.getByTestId('liaison-propose').click();
      const proposal = page.getByTestId('liaison-proposal');
      await proposal.locator('.ant-table-row', { hasText: freed }).waitFor();
      // The dialog fades and zooms in: measure its colours once every animation has finished.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await expectNoAxeViolations(page, 'liaison proposal');
      await screenshot(page, 'business-liaison-proposal');
      await page.getByTestId('liaison-apply').click();
      await proposal.waitFor({ state: 'hidden' });
      await page.reload();
      await page.locator('[data-testid="liaison-table"] .ant-table-row').first().waitFor();
      const unpaired = await page.evaluate(
        async () =>
          ((await (await fetch('/api/v1/business/liaison')).json()) as { counts: { unpaired: number } })
            .counts.unpaired,
      );
      expect(unpaired).toBe(0);
      await signOut(page);
    });
  },
);

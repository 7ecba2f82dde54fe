import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn } from './support/session.js';

const enabled = browserAvailability();
const name = '端到端 智能装备项目';

describe.runIf(enabled)(
  'business: the office records a project’s stage and funds, the dashboard counts them',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch();
      page = await browser.newPage();
      await signIn(page, server, 'office');
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    /** The dashboard for January–February 2026, its figures' texts. */
    const janFeb2026 = async () => {
      // The period from the address, as a link from a report would name it.
      await page.goto(`${server.url}/admin/business/investment?year=2026&through=2`);
      const figures = page.getByTestId('dashboard-figures');
      await figures.getByText('同比').first().waitFor();
      // Each figure reads "—" until the period's numbers arrive.
      await expect.poll(async () => /\d/.test((await figures.textContent()) ?? '')).toBe(true);
      return (await figures.textContent()) ?? '';
    };

    it('shows the district’s January–February figures', async () => {
      const text = await janFeb2026();
      expect(text).toContain('11.55');
      expect(text).toContain('+27.2%');
      expect(text).toContain('11.70');
      expect(text).toContain('+66.4%');
      await screenshot(page, 'business-investment-dashboard');
    });

    it('files a project, and its stage is refused out of order, then recorded with funds', async () => {
      await page.evaluate(async (projectName) => {
        const get = async (p: string) => (await fetch(p)).json();
        const { csrfToken } = (await get('/api/v1/auth/session')) as { csrfToken: string };
        const people = (await get('/api/v1/business/project-commissioners')) as Array<{
          id: string;
          name: string;
        }>;
        const units = (await get('/api/v1/units')) as Array<{ id: string; name: string }>;
        const res = await fetch('/api/v1/business/projects', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({
            name: projectName,
            investor: '重庆端到端实业有限公司',
            amount: 5000,
            chainCode: 'manufacturing',
            commissionerId: people.find((p) => p.name.includes('王磊'))!.id,
            leadUnitId: units.find((u) => u.name === '区经济信息委')!.id,
            signedOn: '2026-02-10',
          }),
        });
        if (res.status !== 201) throw new Error(await res.text());
      }, name);
      await page.goto(`${server.url}/admin/business/projects`);
      await page.getByTestId('projects-search').locator('input').fill('端到端');
      await page.getByTestId('projects-search').locator('input').press('Enter');
      await page.getByRole('button', { name }).click();
      const drawer = page.getByTestId('project-drawer');
      await drawer.waitFor();
      await drawer.getByTestId('stage-date').fill('2026-02-01');
      await drawer.getByTestId('stage-submit').click();
      await drawer.getByText('不能早于上一阶段的日期（2026-02-10）').waitFor();
      await drawer.getByTestId('stage-date').fill('2026-02-20');
      await drawer.getByTestId('stage-submit').click();
      await expect.poll(() => drawer.locator('.ant-steps').textContent()).toContain('2026-02-20');
      await drawer.getByTestId('funds-date').fill('2026-02-25');
      await drawer.locator('#project-funds_amount').fill('3000');
      await drawer.getByTestId('funds-submit').click();
      await drawer.getByText('到位资金（累计 0.30 亿元）').waitFor();
      await screenshot(page, 'business-project-drawer');
    });

    it('says nothing of an empty list while the list is still on its way', async () => {
      const list = (url: URL) => url.pathname === '/api/v1/business/projects';
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(list, async (route) => {
        await held;
        await route.continue();
      });
      try {
        await page.goto(`${server.url}/admin/business/projects`);
        // antd draws its "no data" row under the spinner; the theme keeps its words hidden.
        const placeholder = page.locator('[aria-busy="true"] .ant-table-placeholder .ant-table-cell');
        await placeholder.waitFor({ state: 'attached' });
        expect(await placeholder.isVisible()).toBe(false);
        release();
        await page.getByTestId('projects-table').locator('.ant-table-row').first().waitFor();
      } finally {
        release();
        await page.unroute(list);
      }
    });

    it('counts the new project and its funds on the dashboard', async () => {
      const text = await janFeb2026();
      expect(text).toContain('12.05');
      expect(text).toContain('12.00');
    });
  },
);

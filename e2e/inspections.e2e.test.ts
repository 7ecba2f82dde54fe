import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { sha256InBrowser } from './support/draw.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn } from './support/session.js';

const enabled = browserAvailability();
const title = '端到端联合抽查任务';

describe.runIf(enabled)(
  'inspections: the office announces a joint draw (hash shown), draws it (seed revealed), the public page verifies it',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    let seedHash = '';
    let seed = '';
    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch();
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    const taskRow = () => page.locator('tr', { hasText: title }).first();

    it('the office defines a joint task of two departments with their items', async () => {
      await signIn(page, server, 'office');
      await page.goto(`${server.url}/admin/inspections/tasks`);
      // The form loads the departments' items when it opens; on a loaded machine that can take
      // longer than a search in the list, so the test waits for them before choosing any.
      const itemsLoaded = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/inspections/items',
      );
      await page.getByTestId('task-create').click();
      expect((await itemsLoaded).status()).toBe(200);
      await page.locator('#inspectionTask_title').fill(title);
      const units = page.locator('#inspectionTask_unitIds');
      const chosen = page.getByTestId('task-units').locator('.ant-select-selection-item');
      for (const [i, name] of ['区应急管理局', '区消防救援支队'].entries()) {
        await units.click();
        await units.fill(name);
        await page.locator('.ant-select-item-option', { hasText: name }).first().click();
        await expect.poll(() => chosen.count()).toBe(i + 1);
      }
      await page.keyboard.press('Escape');
      const items = page.locator('#inspectionTask_itemIds');
      // The items of the chosen departments load after the choice: search again until they show.
      for (const name of ['安全生产主体责任落实检查', '消防安全管理检查']) {
        const option = page.locator('.ant-select-item-option', { hasText: name }).first();
        for (let attempt = 0; attempt < 5; attempt++) {
          await items.click();
          await items.fill(name.slice(0, 4));
          if (
            await option.waitFor({ timeout: 5_000 }).then(
              () => true,
              () => false,
            )
          )
            break;
          await page.keyboard.press('Escape');
        }
        await option.click();
      }
      await page.keyboard.press('Escape');
      await page.locator('#task-save').click();
      await expect.poll(() => taskRow().count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => taskRow().getByTestId('task-status').textContent()).toBe('草稿');
    });

    it('announcing it publishes the seed’s hash and keeps the seed hidden', async () => {
      await taskRow().getByTestId('task-announce').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect.poll(() => taskRow().getByTestId('task-status').textContent()).toBe('已公告');
      const hash = page.getByTestId('task-seed-hash').first();
      await expect.poll(async () => (await hash.textContent()) ?? '').toMatch(/^[0-9a-f]{64}$/);
      seedHash = (await hash.textContent())!;
      expect(await page.getByTestId('task-seed').count()).toBe(0);
      await screenshot(page, 'inspections-announced');
    });

    it('drawing it reveals a seed whose SHA-256 is the announced hash, and the drawn teams', async () => {
      await taskRow().getByTestId('task-draw').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect.poll(() => taskRow().getByTestId('task-status').textContent()).toBe('已抽取');
      const shown = page.getByTestId('task-seed').first();
      await expect.poll(async () => (await shown.textContent()) ?? '').toMatch(/^[0-9a-f]{64}$/);
      seed = (await shown.textContent())!;
      expect(await sha256InBrowser(page, seed)).toBe(seedHash);
      await expect.poll(() => page.getByTestId('task-visits').locator('tbody tr').count()).toBeGreaterThan(0);
      await screenshot(page, 'inspections-drawn');
    });

    it('a visitor finds the draw on the public page, with its seed, and the browser verifies it', async () => {
      const visitor = await launch();
      try {
        const view = await visitor.newPage();
        const errors: string[] = [];
        view.on('pageerror', (e) => errors.push(e.message));
        await view.goto(`${server.url}/inspections/draws`);
        const card = view.getByTestId('public-draw').filter({ hasText: title });
        await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
        expect(errors).toEqual([]);
        expect(await card.getByTestId('public-seed-hash').textContent()).toBe(seedHash);
        expect(await card.getByTestId('public-seed').textContent()).toBe(seed);
        await expect
          .poll(() => card.getByTestId('drawn-visits').locator('tbody tr').count())
          .toBeGreaterThan(0);
        await card.getByTestId('verify-draw').click();
        await expect.poll(() => card.getByTestId('verify-ok').count(), { timeout: 20_000 }).toBe(1);
        expect(await card.getByTestId('verify-failed').count()).toBe(0);
        // The announced draw not yet drawn shows its hash and keeps its seed back.
        const pending = view.getByTestId('public-draw').filter({ hasText: '建筑市场' });
        await expect.poll(() => pending.count()).toBe(1);
        expect(await pending.getByTestId('public-seed').count()).toBe(0);
        await screenshot(view, 'inspections-public-verified');
      } finally {
        await visitor.close();
      }
    });
  },
);

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { calm } from './support/phone.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn, signOut } from './support/session.js';
import { settle } from './support/settle.js';

const enabled = browserAvailability();
// The demo's peers hold a 2025 value of every indicator: 涪陵区 (FL) and 恩施州 (CN422800).
const peer = '涪陵区';
const indicatorCode = 'ECO-001';

interface Region {
  id: string;
  code: string;
  name: string;
}

describe.runIf(enabled)(
  '对标地区与标杆值: the office keeps the peer regions and their benchmark values',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    let regions: Region[];
    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch();
      page = await browser.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await signIn(page, server, 'office');
      // The office finds the page in its menu.
      await page.locator('.ant-menu').getByRole('link', { name: '对标地区与标杆值', exact: true }).click();
      await page.waitForURL(/\/admin\/targets\/benchmarks$/);
      await settle(page);
      regions = await page.evaluate(async () => (await fetch('/api/v1/targets/regions')).json());
    });
    afterAll(async () => {
      if (page) await signOut(page);
      await browser?.close();
      await server?.stop();
    });

    const card = (title: string) =>
      page
        .locator('.ant-card')
        .filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });
    const valueRows = () => card('标杆值').locator('tbody tr.ant-table-row');
    /** The first column of the values table: the region of each row on the page. */
    const regionCells = () =>
      valueRows().evaluateAll((rows) =>
        rows.map((r) => (r as HTMLTableRowElement).cells[0]?.textContent ?? ''),
      );
    async function choose(filter: Locator, option: string) {
      await filter.click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
        .first()
        .click();
      await settle(page);
    }

    it('names each value’s region, never its code, and passes WCAG 2.1 AA', async () => {
      await expect.poll(() => valueRows().count()).toBeGreaterThan(0);
      const names = new Set(regions.map((r) => r.name));
      const codes = new Set(regions.map((r) => r.code));
      const shown = await regionCells();
      expect(shown.filter((cell) => !names.has(cell))).toEqual([]);
      expect(shown.filter((cell) => codes.has(cell))).toEqual([]);
      // The region filter offers names too.
      await card('标杆值').getByRole('combobox', { name: '地区', exact: true }).click();
      const offered = await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .allTextContents();
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.filter((o) => codes.has(o))).toEqual([]);
      expect(offered).toContain(peer);
      await page.keyboard.press('Escape');
      await calm(page);
      await expectNoAxeViolations(page, '/admin/targets/benchmarks');
    });

    it('narrows the table to the region and the indicator chosen, and charts the indicator', async () => {
      const before = new Set(await regionCells());
      expect(before.size).toBeGreaterThan(1);
      await choose(card('标杆值').getByRole('combobox', { name: '地区', exact: true }), peer);
      await expect.poll(async () => [...new Set(await regionCells())]).toEqual([peer]);
      await choose(card('标杆值').getByRole('combobox', { name: '指标', exact: true }), indicatorCode);
      await expect.poll(() => valueRows().count()).toBe(1);
      expect(await valueRows().first().textContent()).toContain(indicatorCode);
      // With one indicator chosen, its values are charted region by region.
      await card('标杆值').locator('canvas').waitFor({ timeout: 20_000 });
      await calm(page);
      await expectNoAxeViolations(page, '/admin/targets/benchmarks (filtered, charted)');
    });

    // antd spaces a button's two Chinese characters (修 改): the names are matched either way.
    it('saves an edited value, and the table shows it', async () => {
      // A screen reader hears which row each edit button changes: the region, indicator and year.
      const indicators = await page.evaluate(
        async () =>
          (await (await fetch('/api/v1/targets/indicators?pageSize=500')).json()) as {
            items: Array<{ code: string; name: string }>;
          },
      );
      const indicator = indicators.items.find((i) => i.code === indicatorCode)!;
      await card('标杆值')
        .getByRole('button', { name: `修改：${peer} · ${indicator.name} · 2025年`, exact: true })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(peer);
      await calm(page);
      await expectNoAxeViolations(page, '/admin/targets/benchmarks (editing a value)');
      await dialog.getByLabel('数值').fill('4321.5');
      await dialog.getByLabel('来源').fill('涪陵区统计公报');
      await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => valueRows().first().textContent()).toContain('4321.5');
      expect(await valueRows().first().textContent()).toContain('涪陵区统计公报');
      const fl = regions.find((r) => r.name === peer)!;
      const stored = await page.evaluate(
        async (regionId) =>
          (await (
            await fetch(`/api/v1/targets/benchmarks?regionId=${regionId}&period=2025`)
          ).json()) as Array<{
            indicatorCode: string;
            value: number;
            source: string;
          }>,
        fl.id,
      );
      expect(stored.find((b) => b.indicatorCode === indicatorCode)).toMatchObject({
        value: 4321.5,
        source: '涪陵区统计公报',
      });
    });

    it('adds a peer region, which the list and the filter then show by name', async () => {
      const regionsCard = card('对标地区');
      await regionsCard.getByLabel('地区编码').fill('CN500114');
      await regionsCard.getByLabel('地区名称').fill('黔江对标测试区');
      await regionsCard.getByRole('button', { name: '新增地区' }).click();
      await page.getByText('已新增地区「黔江对标测试区」').waitFor();
      await expect.poll(() => regionsCard.locator('tbody tr', { hasText: '黔江对标测试区' }).count()).toBe(1);
      expect(await regionsCard.locator('tbody tr', { hasText: '黔江对标测试区' }).textContent()).toContain(
        '对标地区',
      );
      await card('标杆值').getByRole('combobox', { name: '地区', exact: true }).click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '黔江对标测试区' })
        .waitFor();
      await page.keyboard.press('Escape');
      await calm(page);
      await screenshot(page, 'targets-benchmarks');
      await expectNoAxeViolations(page, '/admin/targets/benchmarks (a region added)');
    });
  },
);

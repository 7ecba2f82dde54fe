import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { expectFitsWidth, signIn } from './support/session.js';
import { openSettled, settle } from './support/settle.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };

describe.runIf(enabled)('reforms on a phone: the key battles’ timeline and the case library', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch(phone);
    page = await browser.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a visitor sees the three steps drawn and each of the ten battles as text, without side scrolling', async () => {
    await openSettled(page, `${server.url}/reforms/battles`);
    // The chart draws on a canvas inside its labelled figure.
    const chart = page.getByRole('img', { name: /十大攻坚战时间轴/ });
    await expect.poll(() => chart.locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('reform-step').count()).toBe(3);
    await expect.poll(() => page.getByTestId('reform-battle').count()).toBe(10);
    const first = page.getByTestId('reform-battle').first();
    await expect.poll(() => first.textContent()).toContain('高铁站站前广场建设攻坚战');
    // Every battle's phases are rows of its table: the chart's text alternative.
    await expect.poll(() => first.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    await expectFitsWidth(page);
    await screenshot(page, 'reforms-battles-phone');
    await expectNoAxeViolations(page, 'battles on a phone');
  });

  it('a visitor searches the case library in Chinese and opens a case, on a phone', async () => {
    await openSettled(page, `${server.url}/reforms/cases`);
    await expect.poll(() => page.getByTestId('reform-case').count()).toBeGreaterThan(5);
    await expectNoAxeViolations(page, 'case library on a phone');
    const box = page.getByLabel('搜索经验案例', { exact: true });
    await box.fill('景区');
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('reform-case').count()).toBe(1);
    await expect.poll(() => page.getByTestId('reform-cases-found').textContent()).toBe('共 1 个案例');
    expect(page.url()).toContain('q=%E6%99%AF%E5%8C%BA');
    await page.getByRole('link', { name: '濯水古镇“景镇一体”管理模式' }).click();
    await settle(page);
    await expect
      .poll(() => page.getByTestId('reform-case-title').textContent())
      .toBe('濯水古镇“景镇一体”管理模式');
    await expect.poll(() => page.getByText('推广应用地区').count()).toBe(1);
    await expectFitsWidth(page);
    await screenshot(page, 'reforms-case-phone');
    await expectNoAxeViolations(page, 'a case on a phone');
  });

  it('the office marks a phase done in the console, and the battle’s public progress rises', async () => {
    interface Battles {
      battles: Array<{ id: string; name: string; progress: number; phases: Array<{ progress: number }> }>;
    }
    const office = await launch({ width: 1280, height: 800 });
    try {
      const console = await office.newPage();
      await console.emulateMedia({ reducedMotion: 'reduce' });
      await signIn(console, server, 'office');
      const read = () =>
        console.evaluate(async () =>
          (await fetch('/api/v1/public/reforms/battles')).json(),
        ) as Promise<Battles>;
      const before = await read();
      // The first battle with a phase not yet wholly done, and that phase.
      const target = before.battles.find((b) => b.phases.some((p) => p.progress < 1))!;
      const open = target.phases.findIndex((p) => p.progress < 1);
      await openSettled(console, `${server.url}/admin/reforms/battles`);
      // The row's button is named by its verb and the battle it acts on.
      await console.getByRole('button', { name: `阶段：${target.name}`, exact: true }).click();
      const dialog = console.getByRole('dialog');
      await dialog.getByLabel('完成率（%）').nth(open).fill('100');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      const after = (await read()).battles.find((b) => b.id === target.id)!;
      expect(after.phases[open]!.progress).toBe(1);
      expect(after.progress).toBeGreaterThan(target.progress);
      await expectNoAxeViolations(console, 'battles in the console');
    } finally {
      await office.close();
    }
  });
});

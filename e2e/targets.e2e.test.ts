import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { expectFitsWidth, signIn as signInAs, signOut as signOutOf } from './support/session.js';

const enabled = browserAvailability();
const unitName = '区发展改革委';
// The demo's plans are for 2026, with Q1 and Q2 published; Q3 is reported but not yet scored.
const quarterText = '2026年第3季度';

describe.runIf(enabled)('catch-up targets: plan, review, report, scorecard, public leaderboard', () => {
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

  const signIn = (login: string) => signInAs(page, server, login);
  const signOut = () => signOutOf(page);
  async function choose(testId: string, option: string) {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
  }

  it('the unit writes its 2026 plan and submits it', async () => {
    await signIn('dept');
    await page.goto(`${server.url}/admin/targets/plans`);
    await expect.poll(() => page.getByTestId('plan-unit').textContent()).toContain(unitName);
    await page.getByTestId('plan-create').click();
    await page.waitForURL(/\/admin\/targets\/plans\/[0-9a-f-]{36}$/);
    await page.locator('#plan-contact-name').fill('张联络');
    await page.locator('#plan-contact-phone').fill('13912345678');
    for (const [k, code] of ['ECO-001', 'ECO-002', 'ECO-003'].entries()) {
      await page.locator('#plan-add-indicator').click();
      await page.locator('#plan-add-indicator').fill(code);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: code }).click();
      await page.locator(`#plan-item-${k}-base`).fill('100');
      for (const [q, target] of [105, 110, 115, 120].entries())
        await page.locator(`#plan-item-${k}-q${q + 1}`).fill(String(target));
      await page.locator(`#plan-item-${k}-benchmark`).fill('130');
    }
    await screenshot(page, 'targets-plan-editing');
    await page.getByTestId('plan-submit').click();
    await page.getByText('已提交', { exact: true }).first().waitFor();
    await screenshot(page, 'targets-plan-submitted');
    const plan = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/targets/plans/${id}`);
      return (await res.json()) as { status: string; contactName: string; items: { targets: number[] }[] };
    }, page.url().split('/').pop());
    expect(plan.status).toBe('submitted');
    // Submitted, the plan is no longer the unit's to edit: its liaison shows masked, as the phone.
    expect(plan.contactName).toBe('张**');
    expect(plan.items.map((i) => i.targets)).toEqual(Array(3).fill([105, 110, 115, 120]));
    await signOut();
  });

  it('the office opens the submitted plan, checks it and approves it', async () => {
    await signIn('office');
    await page.goto(`${server.url}/admin/targets/plans`);
    await choose('plan-status', '已提交');
    await page.locator('tr', { hasText: unitName }).getByRole('link', { name: unitName }).click();
    await page.waitForURL(/\/admin\/targets\/plans\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(3);
    await page.getByTestId('plan-approve').click();
    await expect.poll(() => page.getByTestId('plan-approve').count()).toBe(0);
    const status = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/targets/plans/${id}`);
      return ((await res.json()) as { status: string }).status;
    }, page.url().split('/').pop());
    expect(status).toBe('approved');
    await screenshot(page, 'targets-plan-approved');
    await signOut();
  });

  it('the unit reports the third quarter', async () => {
    await signIn('dept');
    await page.goto(`${server.url}/admin/targets/reports`);
    await choose('report-period', quarterText);
    await page.getByTestId('report-start').click();
    await page.waitForURL(/\/admin\/targets\/reports\/[0-9a-f-]{36}$/);
    for (const k of [0, 1, 2]) await page.locator(`#report-value-${k}`).fill('115');
    await page.locator('#report-note-0').fill('含新开工项目');
    // Uploading evidence reloads the report: what was typed and not yet saved stays on the form.
    await page.locator('input[type=file][accept^=".pdf"]').setInputFiles({
      name: 'evidence.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'evidence.pdf' }).waitFor();
    for (const k of [0, 1, 2]) expect(await page.locator(`#report-value-${k}`).inputValue()).toBe('115');
    expect(await page.locator('#report-note-0').inputValue()).toBe('含新开工项目');
    // Leaving with unsaved values asks first; staying keeps the form as it was.
    const formUrl = page.url();
    await page.getByRole('link', { name: '‹ 返回季度报送列表' }).click();
    await page.getByRole('dialog', { name: '有尚未保存的填写' }).waitFor();
    await page.getByRole('button', { name: '留在本页' }).click();
    await page.getByRole('dialog', { name: '有尚未保存的填写' }).waitFor({ state: 'hidden' });
    expect(page.url()).toBe(formUrl);
    expect(await page.locator('#report-value-0').inputValue()).toBe('115');
    await page.getByTestId('report-submit').click();
    await page.getByText('已提交', { exact: true }).first().waitFor();
    await screenshot(page, 'targets-report-submitted');
    await signOut();
  });

  it('the office computes and publishes the quarter', async () => {
    await signIn('office');
    await page.goto(`${server.url}/admin/targets/scorecards`);
    await page.getByTestId('scorecard-title').waitFor();
    await choose('scorecard-period', quarterText);
    await page.getByTestId('scorecard-compute').click();
    await expect.poll(() => page.getByTestId('scorecard-title').textContent()).toBe(quarterText);
    await page.locator('tr', { hasText: unitName }).waitFor();
    await page.getByTestId('scorecard-publish').click();
    await page.getByTestId('scorecard-publish-confirm').click();
    await page.getByText('已发布', { exact: true }).first().waitFor();
    await expect.poll(() => page.getByTestId('scorecard-publish').count()).toBe(0);
    await screenshot(page, 'targets-scorecard-published');
    await page.goto(`${server.url}/admin/targets/regional`);
    await expect.poll(() => page.locator('canvas').count(), { timeout: 20_000 }).toBe(2);
    await page.waitForTimeout(1200);
    await screenshot(page, 'targets-regional');
    // The comparison and its entry form fit a phone, where a unit's staff may enter their figures.
    await page.setViewportSize({ width: 412, height: 823 });
    await expectFitsWidth(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signOut();
  });

  it('the public leaderboard shows the unit ranked, on a desktop and on a phone', async () => {
    for (const viewport of [
      { width: 1280, height: 800, name: 'targets-leaderboard-desktop' },
      { width: 375, height: 812, name: 'targets-leaderboard-phone' },
    ]) {
      const visitor = await launch(viewport);
      try {
        const view = await visitor.newPage();
        await view.goto(`${server.url}/targets/leaderboard`);
        await expect.poll(() => view.getByTestId('leaderboard-title').textContent()).toContain(quarterText);
        const row = view.getByTestId('leaderboard-row').filter({ hasText: unitName });
        // Every target met and the benchmark value chased: a full score. Other departments score
        // 100.00 too; places among them follow the tie rule stated on the page, one unit a place.
        expect(await row.textContent()).toContain('100.00');
        await view.getByTestId('tie-rule').waitFor();
        const rows = await view.getByTestId('leaderboard-row').evaluateAll((els) =>
          els.map((el) => ({
            rank: Number(el.querySelector('[data-testid="leaderboard-rank"]')?.textContent),
            text: el.textContent ?? '',
          })),
        );
        expect(rows.map((r) => r.rank)).toEqual(rows.map((_, k) => k + 1));
        const mine = rows.findIndex((r) => r.text.includes(unitName));
        expect(rows.slice(0, mine).every((r) => r.text.includes('100.00'))).toBe(true);
        await view.locator('canvas').first().waitFor();
        await view.waitForTimeout(1200); // the bars grow in; wait for them to settle
        const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(view, viewport.name);
      } finally {
        await visitor.close();
      }
    }
  });
});

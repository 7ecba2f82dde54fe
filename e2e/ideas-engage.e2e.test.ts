import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { noSideScroll as fitsWidth, signIn as signInAs, signOut as signOutOf } from './support/session.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };

describe.runIf(enabled)('ideas: a comment reviewed before it shows, and the campaign survey', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let page: Page;
  let suggestion: { id: string; title: string };
  const comment = `在高铁站等公交要半小时，支持这条建议。${Date.now()}`;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch(phone);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const noSideScroll = () => fitsWidth(page);
  /** Picks the first option of a select, and waits for its list to close before the next one. */
  const choose = async (testId: string) => {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  };
  const getJson = async <T>(path: string) => (await (await fetch(`${server.url}${path}`)).json()) as T;

  it('a citizen comments on a suggestion from a phone; it waits for review', async () => {
    const page1 = await getJson<{ items: Array<{ id: string; title: string; status: string }> }>(
      '/api/v1/public/suggestions?pageSize=20',
    );
    suggestion = page1.items.find((s) => s.status !== 'merged' && s.status !== 'rejected')!;
    await page.goto(`${server.url}/ideas/${suggestion.id}`);
    await page.getByTestId('comments').waitFor();
    await page.getByTestId('comment-body').fill(comment);
    await page.getByTestId('comment-name').fill('赵丽');
    await choose('comment-town');
    await page.getByTestId('comment-submit').click();
    await page.getByTestId('comment-sent').waitFor();
    await expect.poll(noSideScroll).toBe(true);
    await screenshot(page, 'ideas-comment-sent-phone');
    const shown = await getJson<Array<{ body: string }>>(
      `/api/v1/public/suggestions/${suggestion.id}/comments`,
    );
    expect(shown.map((c) => c.body)).not.toContain(comment);
  });

  it('a screener publishes it, and the public page shows it with the name masked', async () => {
    await page.setViewportSize(desktop);
    await signInAs(page, server, 'screener');
    await page.goto(`${server.url}/admin/ideas/comments`);
    const row = page.locator('tr', { hasText: comment });
    await row.waitFor();
    await screenshot(page, 'ideas-comments-queue');
    const [published] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/moderate') && r.request().method() === 'POST'),
      row.locator('[data-testid^="comment-publish-"]').click(),
    ]);
    expect(published.status(), await published.text()).toBe(200);
    await signOutOf(page);
    await page.setViewportSize(phone);
    await page.goto(`${server.url}/ideas/${suggestion.id}`);
    const item = page.getByTestId('comment-item').filter({ hasText: comment });
    await item.waitFor();
    expect(await item.textContent()).toContain('赵*');
    expect(await item.textContent()).not.toContain('赵丽');
    await screenshot(page, 'ideas-comment-published-phone');
  });

  it('a citizen answers the survey on a phone, once', async () => {
    await page.goto(`${server.url}/ideas/survey`);
    await page.getByTestId('survey-q-travel').waitFor();
    await page.getByTestId('survey-submit').click();
    await page.getByText('请回答这个问题').first().waitFor();
    await choose('survey-town');
    await choose('survey-author-kind');
    await page.getByTestId('survey-q-travel').getByRole('radio', { name: '公交' }).check();
    await page.getByTestId('survey-q-priorities').getByRole('checkbox', { name: '站城接驳' }).check();
    await page.getByTestId('survey-q-priorities').getByRole('checkbox', { name: '旅游服务' }).check();
    await page.getByTestId('survey-q-words').fill('希望开通高铁站到濯水古镇的旅游专线。');
    await expect.poll(noSideScroll).toBe(true);
    await screenshot(page, 'ideas-survey-phone');
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-thanks').waitFor();
    await screenshot(page, 'ideas-survey-thanks-phone');

    await page.goto(`${server.url}/ideas/survey`);
    await choose('survey-town');
    await choose('survey-author-kind');
    await page.getByTestId('survey-q-travel').getByRole('radio', { name: '自驾' }).check();
    await page.getByTestId('survey-q-priorities').getByRole('checkbox', { name: '城市形象' }).check();
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-already').waitFor();
  });

  it('the office reads the results as charts and exports them', async () => {
    await page.setViewportSize(desktop);
    await signInAs(page, server, 'office');
    await page.goto(`${server.url}/admin/ideas/survey`);
    const responses = page.getByTestId('survey-responses');
    await responses.waitFor();
    const texts = page.getByTestId('survey-result-words');
    await expect.poll(() => texts.textContent()).toContain('希望开通高铁站到濯水古镇的旅游专线。');
    await page.getByTestId('survey-result-travel').locator('canvas').waitFor();
    await page.waitForTimeout(1_500);
    await screenshot(page, 'ideas-survey-results');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('survey-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('问卷结果.xlsx');
    await signOutOf(page);
  });
});

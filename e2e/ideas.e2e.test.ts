import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { noSideScroll as fitsWidth, signIn as signInAs, signOut as signOutOf } from './support/session.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };
const rubric = ['value', 'feasibility', 'innovation', 'benefit'];

interface Recent {
  id: string;
  title: string;
  body: string;
}

describe.runIf(enabled)('ideas: submit, screen, review, lists, adoption, tracking', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let page: Page;
  // The citizen's suggestion and the duplicate of it that the screener merges.
  let code = '';
  let mine = { id: '', title: '', body: '', townId: '' };
  let duplicateId = '';

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch(phone);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Staff work on a desktop; the citizen's steps run on a phone.
  async function signIn(login: string) {
    await page.setViewportSize(desktop);
    await signInAs(page, server, login);
  }
  async function signOut() {
    await signOutOf(page);
    await page.setViewportSize(phone);
  }
  async function getJson<T>(path: string): Promise<T> {
    return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
  }
  const noSideScroll = () => fitsWidth(page);

  it('a citizen on a phone is warned of a similar suggestion and gets a tracking code', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('ideas-highlights').waitFor();
    await expect.poll(() => page.getByTestId('ideas-highlights').textContent()).toMatch(/\d+\s*人次/);
    await expect.poll(noSideScroll).toBe(true);
    await screenshot(page, 'ideas-home');
    const recent = await getJson<Recent[]>('/api/v1/public/suggestions/recent?limit=50');
    const original = recent.find((r) => r.body.length >= 20 && r.body.length <= 200)!;
    await page.goto(`${server.url}/ideas/submit`);
    mine = { id: '', title: `再提：${original.title}`.slice(0, 80), body: '', townId: '' };
    await page.locator('#suggestion_title').fill(mine.title);
    await page.locator('#suggestion_body').fill(`${original.body}希望尽快落实。`);
    const similar = page.getByTestId('similar-list');
    await similar.waitFor({ timeout: 15_000 });
    await expect.poll(() => similar.textContent()).toContain(original.title);
    await expect.poll(noSideScroll).toBe(true);
    await screenshot(page, 'ideas-submit-similar');
    // The first town (the empty first choice stands for none picked yet).
    await page.getByTestId('submit-town').selectOption({ index: 1 });
    await page.getByTestId('submit-suggestion').click();
    const shown = page.getByTestId('tracking-code');
    await shown.waitFor();
    code = ((await shown.textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Za-z]{10}$/);
    await screenshot(page, 'ideas-submit-done');
    const tracked = await getJson<{
      suggestion: { id: string; status: string; body: string; townId: string };
      shownInPublic: boolean;
    }>(`/api/v1/public/track/${code}`);
    expect(tracked.suggestion.status).toBe('submitted');
    mine = {
      ...mine,
      id: tracked.suggestion.id,
      body: tracked.suggestion.body,
      townId: tracked.suggestion.townId,
    };
    // By default it goes public only once screening accepts it; its tracking page says so.
    expect(tracked.shownInPublic).toBe(false);
    await page.goto(`${server.url}/ideas/track/${code}`);
    await page.getByTestId('track-awaiting').waitFor();
  });

  it('a screener merges a duplicate of it and accepts it', async () => {
    // Someone else sends the same suggestion again.
    duplicateId = await page.evaluate(
      async ({ title, body, townId }) => {
        const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
        const res = await fetch('/api/v1/public/suggestions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ title, body, townId, authorKind: 'resident' }),
        });
        return ((await res.json()) as { id: string }).id;
      },
      {
        title: `${mine.title}！`,
        body: mine.body,
        townId: mine.townId,
      },
    );
    expect(duplicateId).toMatch(/^[0-9a-f-]{36}$/);

    await signIn('screener');
    await page.goto(`${server.url}/admin/ideas/screening`);
    await page.getByTestId('screening-search').locator('input').fill(mine.title.slice(0, 20));
    await page.getByTestId('screening-search').locator('input').press('Enter');
    await page.getByTestId(`duplicates-${duplicateId}`).click();
    const merge = page.getByTestId(`merge-into-${mine.id}`);
    await merge.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500); // the drawer slides in
    await screenshot(page, 'ideas-screening-duplicates');
    await merge.click();
    await expect
      .poll(
        async () => (await getJson<{ status: string }>(`/api/v1/public/suggestions/${duplicateId}`)).status,
      )
      .toBe('merged');
    await page
      .locator('tr', { has: page.getByTestId(`duplicates-${mine.id}`) })
      .locator('input[type=checkbox]')
      .check();
    await page.getByTestId('bulk-accept').click();
    await expect
      .poll(async () => (await getJson<{ status: string }>(`/api/v1/public/suggestions/${mine.id}`)).status)
      .toBe('accepted');
    await signOut();
  });

  it('the office shortlists it, assigns reviews under a cap, and three experts score it blind', async () => {
    await signIn('office');
    await page.goto(`${server.url}/admin/ideas/selection`);
    // The shortlist tab opens first: find the suggestion and put it on the shortlist.
    await page.getByTestId('shortlist-search').locator('input').fill(mine.title);
    await page.getByTestId('shortlist-search').locator('input').press('Enter');
    const toggle = page.getByTestId(`shortlist-toggle-${mine.id}`);
    await toggle.click();
    await expect.poll(async () => toggle.getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'ideas-shortlist');
    await page.getByRole('tab', { name: '评审结果' }).click();
    await page.getByRole('spinbutton', { name: '每位专家最多评审（条）' }).fill('500');
    await page.getByTestId('review-assign').click();
    await page.getByText(/已分配 \d+ 份评审/).waitFor();
    await signOut();
    for (const [n, expert] of ['expert1', 'expert2', 'expert3'].entries()) {
      await signIn(expert);
      await page.goto(`${server.url}/admin/ideas/reviews`);
      const before = await getJson<{ done: number; items: Array<{ suggestionId: string }> }>(
        '/api/v1/ideas/reviews/mine',
      );
      expect(before.items.map((i) => i.suggestionId)).toContain(mine.id);
      await page.getByTestId('review-filter').locator('input').fill(mine.title);
      await page.getByTestId('review-item').filter({ hasText: mine.title }).click();
      for (const [k, criterion] of rubric.entries())
        await page.locator(`#review_scores_${criterion}`).fill(String(7 + ((n + k) % 3)));
      await page.locator('#review_comment').fill('可行，建议细化。');
      if (n === 0) await screenshot(page, 'ideas-review-form');
      await page.getByTestId('review-submit').click();
      await expect
        .poll(async () => (await getJson<{ done: number }>('/api/v1/ideas/reviews/mine')).done)
        .toBe(before.done + 1);
      const own = await getJson<{ items: Array<{ suggestionId: string; submittedAt: string | null }> }>(
        '/api/v1/ideas/reviews/mine',
      );
      expect(own.items.find((i) => i.suggestionId === mine.id)?.submittedAt).toBeTruthy();
      await signOut();
    }
  });

  it('the office sees the results and the lists, and the public lists page shows them', async () => {
    await signIn('office');
    await page.goto(`${server.url}/admin/ideas/selection`);
    await page.getByRole('tab', { name: '评审结果' }).click();
    await page.getByTestId('review-alpha').waitFor();
    const results = await getJson<{ items: Array<{ item: string; reviews: number }> }>(
      '/api/v1/ideas/reviews/results',
    );
    expect(results.items.find((i) => i.item === mine.id)?.reviews).toBe(3);
    await screenshot(page, 'ideas-selection-results');
    // The demo campaign publishes golden and good ideas; the office publishes the hardest problems.
    await page.getByRole('tab', { name: '十大难题' }).click();
    await page.getByTestId('list-publish-hard_problem').click();
    // Wait on the request itself, so a slow machine waits longer and a refusal says why.
    const [published] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/ideas/lists/hard_problem/publish'), {
        timeout: 90_000,
      }),
      page.getByTestId('list-publish-confirm').click(),
    ]);
    expect(published.status(), await published.text()).toBe(200);
    await page.getByTestId('published-hard_problem').waitFor({ timeout: 60_000 });
    await screenshot(page, 'ideas-selection-published');
    await signOut();
    const lists =
      await getJson<Array<{ kind: string; entries: Array<{ title: string; suggestionId: string }> }>>(
        '/api/v1/public/lists',
      );
    const golden = lists.find((l) => l.kind === 'golden_idea')!;
    await page.goto(`${server.url}/ideas/lists`);
    await page.getByTestId('list-golden_idea').waitFor();
    await expect
      .poll(() => page.getByTestId('list-golden_idea').textContent())
      .toContain(golden.entries[0]!.title);
    for (const kind of ['good_idea', 'hard_problem']) await page.getByTestId(`list-${kind}`).waitFor();
    // A hard problem: a whole-sentence title, its citations its own, and the suggestions behind it.
    const hard = lists.find((l) => l.kind === 'hard_problem') as unknown as {
      entries: Array<{ title: string; citation: string; memberIds: string[] }>;
    };
    expect(hard.entries.every((e) => e.title.length > 0 && e.memberIds.length > 0)).toBe(true);
    const problems = page.getByTestId('list-hard_problem');
    await problems.getByTestId('entry-members-toggle').first().click();
    const behind = problems.getByTestId('entry-members').first().getByRole('link');
    await expect.poll(() => behind.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await behind.first().getAttribute('href')).toMatch(/^\/ideas\/[0-9a-f-]{36}$/);
    await expect.poll(noSideScroll).toBe(true);
    await screenshot(page, 'ideas-public-lists');
    // The public dashboard draws its five charts (ECharts loads on this page only).
    await page.goto(`${server.url}/ideas/stats`);
    await expect.poll(() => page.locator('canvas').count(), { timeout: 20_000 }).toBe(5);
    await expect.poll(noSideScroll).toBe(true);
    await page.waitForTimeout(800);
    await screenshot(page, 'ideas-public-stats');
    // Anyone may support a suggestion once, from its page: without an account, by a phone's code.
    const first = golden.entries[0]!;
    const before = (await getJson<{ supports: number }>(`/api/v1/public/suggestions/${first.suggestionId}`))
      .supports;
    await page.goto(`${server.url}/ideas/${first.suggestionId}`);
    await page.getByTestId(`support-${first.suggestionId}`).click();
    const supporter = '13996075678';
    await page.locator('#support-phone_phone').fill(supporter);
    await page.getByTestId('support-phone-send-code').click();
    const sent = new RegExp(`${supporter}[^\\n]*验证码为 (\\d{6})`);
    await expect.poll(() => sent.test(server.printed()), { timeout: 15_000 }).toBe(true);
    await page.locator('#support-phone_code').fill(server.printed().match(sent)![1]!);
    await page.locator('#support-confirm').click();
    await expect
      .poll(() => page.getByTestId(`support-${first.suggestionId}`).textContent())
      .toContain(String(before + 1));
    await expect
      .poll(
        async () =>
          (await getJson<{ supports: number }>(`/api/v1/public/suggestions/${first.suggestionId}`)).supports,
      )
      .toBe(before + 1);
  });

  it('after the office adopts the suggestion, the citizen sees it adopted', async () => {
    await signIn('office');
    await page.goto(`${server.url}/admin/ideas/actions`);
    await page.getByTestId('adopt-open').click();
    await page.getByTestId('adopt-suggestion').click();
    await page.keyboard.type(mine.title);
    // The search is by words, so suggestions sharing some come too; the citizen's own comes
    // first, and the merged duplicate (its title with a "！") is not offered: it cannot be adopted.
    const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(async () => (await offered.allTextContents())[0]).toBe(mine.title);
    expect(await offered.allTextContents()).not.toContain(`${mine.title}！`);
    await offered.first().click();
    await page.getByTestId('adopt-owner').click();
    await page.keyboard.type('发展改革委');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '区发展改革委' })
      .first()
      .click();
    // Choosing closes the list at once (the browser asks for reduced motion): an Escape now
    // would close the dialog.
    await page.locator('#adopt_dueOn').fill('2027-06-30');
    await screenshot(page, 'ideas-adopt-form');
    await page.getByTestId('adopt-submit').click();
    await expect.poll(() => page.getByTestId('adopt-submit').count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(async () => (await getJson<{ status: string }>(`/api/v1/public/suggestions/${mine.id}`)).status)
      .toBe('adopted');
    await signOut();
    await page.goto(`${server.url}/ideas/track/${code}`);
    await expect.poll(() => page.getByTestId('track-status').textContent()).toBe('已采纳');
    await page.getByText('已被采纳，列入落实事项').waitFor();
    await page.getByTestId('action-card').first().waitFor();
    await expect.poll(noSideScroll).toBe(true);
    await screenshot(page, 'ideas-track-adopted');
  });
});

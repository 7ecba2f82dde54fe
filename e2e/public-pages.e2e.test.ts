import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiJson, callApi } from './support/api.js';
import { browserAvailability, launch } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { cutShort, noSideScroll, signIn, signOut } from './support/session.js';

const enabled = browserAvailability();
const phone = { width: 412, height: 823 };

/** Every console warning or error and every uncaught exception of a page, as text. */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  return problems;
}

describe.runIf(enabled)('the public pages on a phone', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let suggestionId: string;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch(phone);
    const list = (await (await fetch(`${server.url}/api/v1/public/suggestions?pageSize=1`)).json()) as {
      items: Array<{ id: string }>;
    };
    suggestionId = list.items[0]!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('open without a console warning or error, each loaded afresh', async () => {
    const pages = [
      '/',
      '/ideas',
      `/ideas/${suggestionId}`,
      '/ideas/submit',
      '/ideas/track',
      '/ideas/lists',
      '/ideas/actions',
      '/ideas/stats',
      '/ideas/survey',
      '/targets/leaderboard',
      '/reforms',
      '/business/scorecard',
      '/login',
      '/register',
      '/recover',
      '/no-such-page',
    ];
    const found: Record<string, string[]> = {};
    const untitled: string[] = [];
    for (const path of pages) {
      const page = await browser.newPage();
      const problems = consoleProblems(page);
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      await page.locator('main, .ant-layout-content').first().waitFor();
      // Preloads unused for a few seconds are reported late: give them the time to show.
      if (path === '/') await page.waitForTimeout(3500);
      if (problems.length > 0) found[path] = problems;
      // Each tab is named after its page (WCAG 2.4.2), not only the site.
      if (!/^.+ - 黔行$/.test(await page.title())) untitled.push(`${path}: ${await page.title()}`);
      await page.close();
    }
    expect(found).toEqual({});
    expect(untitled).toEqual([]);
  });

  it('shows the home counters as grey bars while they load, never a dash, and asks for them once', async () => {
    const page = await browser.newPage();
    const problems = consoleProblems(page);
    let statsRequests = 0;
    // The figures answer late, as on a slow network.
    await page.route('**/api/v1/public/stats', async (route) => {
      statsRequests++;
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${server.url}/`);
    const highlights = page.getByTestId('ideas-highlights');
    await highlights.waitFor();
    await expect.poll(() => highlights.locator('.qx-skeleton-row').count()).toBeGreaterThan(0);
    expect(await highlights.textContent()).not.toContain('—');
    const counts = highlights.locator('.qx-stat-number');
    await expect.poll(() => counts.count(), { timeout: 30_000 }).toBe(2);
    for (const count of await counts.all()) expect(await count.textContent()).toMatch(/^[\d,]+$/);
    expect(await highlights.textContent()).not.toContain('—');
    expect(statsRequests).toBe(1);
    await page.waitForTimeout(3500);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fetches what the browse and suggestion pages paint first once, from their HTML, and their scripts up front', async () => {
    for (const path of ['/ideas', `/ideas/${suggestionId}`]) {
      const page = await browser.newPage();
      const problems = consoleProblems(page);
      const reads = new Map<string, number>();
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/')) {
          const key = url.pathname + url.search;
          reads.set(key, (reads.get(key) ?? 0) + 1);
        }
      });
      const html = await (await fetch(server.url + path)).text();
      const preloaded = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch"/g)].map((m) =>
        m[1]!.replaceAll('&amp;', '&'),
      );
      expect(preloaded.length, path).toBeGreaterThan(0);
      expect(html.match(/rel="modulepreload"/g)?.length ?? 0, path).toBeGreaterThan(5);
      await page.goto(server.url + path);
      await page.waitForLoadState('networkidle');
      // A preload the page does not use shows as a second request and, later, a console warning.
      await page.waitForTimeout(3500);
      for (const url of preloaded) expect(reads.get(url), `${path}: ${url}`).toBe(1);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  });

  it('preloads from its HTML the texts a page of another area loads with it, and fetches them once', async () => {
    const html = await (await fetch(`${server.url}/reforms`)).text();
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((m) => m[1]!);
    // The reforms texts' chunk, zh-CN's: the page's own script is PublicReformsPage-….
    const texts = preloaded.filter((href) => /^\/assets\/reforms-[\w-]+\.js$/.test(href));
    expect(texts).toHaveLength(1);
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (/^\/assets\/reforms-/.test(path)) fetched.push(path);
    });
    await page.goto(`${server.url}/reforms`);
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual(texts);
    expect(await page.locator('main').textContent()).not.toMatch(/\breforms\.[a-z]/);
    await page.close();
  });

  it('names the home figures in the home page and gets its scripts compressed', async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toContain(
      '<link rel="preload" href="/api/v1/public/stats" as="fetch" crossorigin="anonymous">',
    );
    const scripts = [
      ...home.matchAll(/<(?:script type="module"[^>]* src|link rel="modulepreload"[^>]* href)="([^"]+)"/g),
    ].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(3);
    let compressed = 0;
    for (const script of scripts) {
      const res = await fetch(server.url + script, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      // The build writes no brotli copy where it would not be smaller (the entry's few imports).
      if (res.headers.get('content-encoding') === 'br') compressed++;
      else expect((await res.arrayBuffer()).byteLength, script).toBeLessThan(200);
    }
    expect(compressed).toBeGreaterThan(3);
  });

  it('frame the campaign on the home page: its period and focus areas; closed, it says so and offers the tracking page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('campaign-frame').waitFor();
    expect(await page.getByTestId('campaign-period').textContent()).toMatch(
      /^2026-07-01 至 \d{4}-\d{2}-\d{2}$/,
    );
    const areas = await page.getByTestId('focus-areas').textContent();
    for (const name of ['两高地', '一中心', '一门户', '一示范区']) expect(areas).toContain(name);
    expect(await page.getByTestId('intake-state').textContent()).toContain('征集中');
    expect(await noSideScroll(page)).toBe(true);

    // The office ends the period in the past: the public's intake closes.
    await signIn(page, server, 'office');
    const campaign = await apiJson<{ id: string; endsOn: string }>(page, 'GET', '/api/v1/public/campaign');
    await apiJson(page, 'PATCH', `/api/v1/ideas/campaigns/${campaign.id}`, { endsOn: '2026-07-31' });
    await signOut(page);
    await page.goto(`${server.url}/`);
    await expect
      .poll(() => page.getByTestId('intake-state').textContent())
      .toBe('本期征集已于 2026-07-31 截止');
    expect(
      await page
        .getByTestId('campaign-frame')
        .getByRole('link', { name: '查询办理进展' })
        .getAttribute('href'),
    ).toBe('/ideas/track');
    await page.goto(`${server.url}/ideas/submit`);
    await page.getByTestId('intake-closed').waitFor();
    expect(await page.getByTestId('submit-suggestion').count()).toBe(0);
    await page.getByTestId('intake-closed').getByRole('link', { name: '查询办理进展' }).click();
    await page.waitForURL((u) => u.pathname === '/ideas/track');
    const units = await apiJson<Array<{ id: string; kind: string }>>(page, 'GET', '/api/v1/units');
    const refused = await callApi(page, 'POST', '/api/v1/public/suggestions', {
      title: '高铁站夜间增开公交',
      body: '最后一班高铁到站后已没有公交，建议增开夜间接驳公交线路。',
      townId: units.find((u) => u.kind === 'subdistrict')!.id,
      authorKind: 'resident',
    });
    expect(refused.status).toBe(409);

    // Extended, it takes suggestions again.
    await signIn(page, server, 'office');
    await apiJson(page, 'POST', `/api/v1/ideas/campaigns/${campaign.id}/extend`, { endsOn: campaign.endsOn });
    await signOut(page);
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByTestId('intake-state').textContent()).toContain('征集中');
    await page.close();
  });

  it('after a deploy, a page whose script is gone says the site was updated and reloads into it', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
      // The scripts of the build this tab was opened with are gone, as after an upgrade.
      await page.route('**/assets/**', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
      await page.getByRole('navigation').getByRole('link', { name: '晾晒榜' }).click();
      await page.getByRole('heading', { name: '网站已更新' }).waitFor();
      await expect.poll(() => page.title()).toBe('网站已更新 - 黔行');
      // The header stays, to go elsewhere; reloading brings the new version.
      await page.unroute('**/assets/**');
      await page.getByTestId('route-error-reload').click();
      await page.waitForURL(/\/targets\/leaderboard$/);
      await page.getByTestId('leaderboard-title').waitFor();
      await expect.poll(() => page.title()).toMatch(/晾晒榜 - 黔行$/);
    } finally {
      await page.close();
    }
  });

  it('in English fit the phone as well, and name the domains in English', async () => {
    const page = await browser.newPage();
    // English words are longer than Chinese ones: checked on the narrowest phone in wide use.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => localStorage.setItem('qianxing.locale', 'en'));
    try {
      const wide: string[] = [];
      for (const path of [
        '/',
        '/ideas',
        '/ideas/submit',
        '/ideas/lists',
        '/targets/leaderboard',
        '/reforms',
        '/reforms/battles',
        '/business/scorecard',
        '/inspections/draws',
        '/inspections/results',
      ]) {
        await page.goto(server.url + path, { waitUntil: 'networkidle' });
        await page.locator('main').first().waitFor();
        if (!(await noSideScroll(page)))
          wide.push(`${path} (${await page.evaluate(() => document.documentElement.scrollWidth)} px)`);
        // A switch's option says all its words, none cut short by an ellipsis.
        for (const label of await cutShort(page, '.ant-segmented-item-label'))
          wide.push(`${path}: “${label}” cut`);
      }
      expect(wide).toEqual([]);
      await page.goto(`${server.url}/ideas`, { waitUntil: 'networkidle' });
      const domains = await page.getByLabel('Domain').locator('option').allTextContents();
      expect(domains.length).toBeGreaterThan(1);
      expect(domains.filter((d) => /[\u4e00-\u9fff]/.test(d))).toEqual([]);
    } finally {
      await page.evaluate(() => localStorage.removeItem('qianxing.locale'));
      await page.close();
    }
  });
});

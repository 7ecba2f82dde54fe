import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { cutShort, signIn } from './support/session.js';
import { settle } from './support/settle.js';

const enabled = browserAvailability();

/** The English names the web app gives the demo's domains (i18n/en/ideas.json, domainNames). */
const englishDomains = [
  'Transport',
  'Education',
  'Health care',
  'Culture and tourism',
  'Rural revitalisation',
];

describe.runIf(enabled)('names, not codes, on the staff pages', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let page: Page;
  let codes: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch({ width: 1280, height: 800 });
    page = await browser.newPage();
    await signIn(page, server, 'office');
    codes = await page.evaluate(async () => {
      const campaign = (await (await fetch('/api/v1/public/campaign')).json()) as {
        domains: Array<{ code: string }>;
      };
      return campaign.domains.map((d) => d.code);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const tableText = async () => (await page.locator('.ant-table-tbody').first().textContent()) ?? '';

  it('the audit log names each action, never its code', async () => {
    await page.goto(`${server.url}/admin/audit`);
    await settle(page);
    const text = await tableText();
    expect(text).toContain('登录');
    for (const code of ['session.login', 'suggestion.screen', 'list.seedDemo', 'campaign'])
      expect(text).not.toContain(code);
  });

  it('the screening grid names each domain in the reader’s language, never its code', async () => {
    await page.goto(`${server.url}/admin/ideas/screening`);
    await settle(page);
    const zh = await tableText();
    for (const code of codes) expect(zh, code).not.toContain(code);
    await page.locator('.qx-lang button[lang="en"]').click();
    await settle(page);
    await expect
      .poll(async () => {
        const text = await tableText();
        return englishDomains.some((name) => text.includes(name));
      })
      .toBe(true);
    const en = await tableText();
    for (const code of codes) expect(en, code).not.toMatch(new RegExp(`\\b${code}\\b`));
  });

  it('the console’s menu names each entry whole, in English too', async () => {
    await page.goto(`${server.url}/admin/audit`);
    await settle(page);
    const cut = () => cutShort(page, '[data-testid="admin-menu"] .ant-menu-title-content');
    await page.locator('.qx-lang button[lang="en"]').click();
    await expect.poll(() => page.locator('[data-testid="admin-menu"]').textContent()).toContain('Audit');
    expect(await page.locator('[data-testid="admin-menu"] .ant-menu-title-content').count()).toBeGreaterThan(
      10,
    );
    expect(await cut()).toEqual([]);
    await page.locator('.qx-lang button[lang="zh-CN"]').click();
    await expect.poll(() => page.locator('[data-testid="admin-menu"]').textContent()).toContain('审计');
  });

  // A console page's texts load with it: a change of language brings them in the new language,
  // and the next page's come in the language of the moment, never as keys.
  it('the console keeps its words when the reader changes language, on this page and the next', async () => {
    const keyOfAPart =
      /\b(admin|audit|business|ideas|inspections|reforms|targets|units|users)\.[a-z]+[A-Za-z.]*\b/;
    const mainText = async () => (await page.locator('main').first().textContent()) ?? '';
    await page.locator('.qx-lang button[lang="zh-CN"]').click();
    await page.goto(`${server.url}/admin/audit`);
    await settle(page);
    expect(await tableText()).toContain('登录');
    await page.locator('.qx-lang button[lang="en"]').click();
    await expect.poll(tableText).toContain('Signed in');
    expect(await mainText()).not.toMatch(keyOfAPart);
    // The suggestions' console pages bring their own part (ideasDesk), read under `ideas`.
    await page.locator('a[href="/admin/ideas/screening"]').first().click();
    await page.getByText('Look at likely duplicates', { exact: false }).waitFor();
    await settle(page);
    expect(await mainText()).not.toMatch(keyOfAPart);
    // The overview names the work waiting with the texts of five parts, loaded as it opens.
    await page.locator('a[href="/admin"]').first().click();
    await page.getByText('Waiting for me').waitFor();
    await settle(page);
    expect(await mainText()).not.toMatch(keyOfAPart);
    await page.locator('.qx-lang button[lang="zh-CN"]').click();
    await page.getByText('等我处理').waitFor();
    expect(await mainText()).not.toMatch(keyOfAPart);
  });
});

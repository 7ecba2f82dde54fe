import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiJson } from './support/api.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { phone } from './support/phone.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { expectFitsWidth, signIn } from './support/session.js';

const enabled = browserAvailability();
// A number the demo gives no account: the citizen's own phone in this journey.
const mobile = '13996071234';
const password = 'Qianjiang-Citizen-2026';

/** The newest code the demo's text-message provider wrote to the log for this phone and purpose. */
function lastCode(server: E2eServer, purpose: RegExp): string | null {
  const sent = [...server.printed().matchAll(new RegExp(`${mobile}[^\\n]*验证码为 (\\d{6})`, 'g'))];
  const last = sent.filter((m) => purpose.test(m[0])).at(-1);
  return last?.[1] ?? null;
}

describe.runIf(enabled)(
  'a citizen’s own account: from an anonymous suggestion to its messages, on a phone',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    let code = '';
    let title = '';

    beforeAll(async () => {
      // A phone may take a code every 3 s rather than every minute: the journey asks for three.
      server = await startE2eServer({ QIANXING_SMS_INTERVAL_S: '3' });
      browser = await launch(phone);
      page = await browser.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce' });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('sends a suggestion without an account, leaving a phone, and keeps the tracking code', async () => {
      title = `正阳街道老旧小区加装电梯补贴${Date.now() % 10_000}`;
      await page.goto(`${server.url}/ideas/submit`);
      await page.locator('#suggestion_title').fill(title);
      await page
        .locator('#suggestion_body')
        .fill('正阳街道的老旧小区老人多，爬楼困难，建议区里对加装电梯给予补贴，并简化审批手续。');
      // The first town (the empty first choice stands for none picked yet).
      await page.getByTestId('submit-town').selectOption({ index: 1 });
      await page.locator('#suggestion_phone').fill(mobile);
      await page.getByTestId('submit-suggestion').click();
      const shown = page.getByTestId('tracking-code');
      await shown.waitFor();
      code = ((await shown.textContent()) ?? '').trim();
      expect(code).toMatch(/^[0-9A-Za-z]{10}$/);
    });

    it('registers with the same phone by its code', async () => {
      await page.goto(`${server.url}/register`);
      await page.locator('#register_phone').fill(mobile);
      await page.getByRole('button', { name: '获取验证码' }).click();
      await expect.poll(() => lastCode(server, /注册/), { timeout: 15_000 }).not.toBeNull();
      await page.locator('#register_code').fill(lastCode(server, /注册/)!);
      await page.locator('#register_displayName').fill('冉小梅');
      await page.locator('#register_password').fill(password);
      await page.locator('#register_confirm').fill(password);
      await page
        .getByRole('button', { name: '注 册' })
        .or(page.getByRole('button', { name: '注册' }))
        .click();
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByTestId('user-menu').waitFor();
    });

    it('attaches the suggestion by its tracking code and a code to the phone, and sees it under 我的建议', async () => {
      await page.getByTestId('user-menu').click();
      await page.locator('.ant-dropdown:visible').getByRole('link', { name: '我的建议' }).click();
      await page.waitForURL((u) => u.pathname === '/ideas/mine');
      await page.getByText('您还没有提过建议').waitFor();
      await page.locator('#claim_trackingCode').fill(code);
      await page.locator('#claim_phone').fill(mobile);
      // Ask until a code comes (the button may still be counting down), seldom enough to stay
      // within the codes an address is sent per hour.
      await expect
        .poll(
          async () => {
            if (lastCode(server, /关联/)) return true;
            if (await page.getByTestId('claim-send-code').isEnabled())
              await page.getByTestId('claim-send-code').click();
            return false;
          },
          { timeout: 60_000, interval: 2_000 },
        )
        .toBe(true);
      await page.locator('#claim_code').fill(lastCode(server, /关联/)!);
      await page.getByTestId('claim-submit').click();
      const item = page.getByTestId('my-suggestion').filter({ hasText: title });
      await item.waitFor();
      expect(await item.getByTestId('my-suggestion-status').textContent()).toBe('待初筛');
      expect(await item.textContent()).toContain(code.toUpperCase());
      expect(await item.textContent()).toContain(`139****${mobile.slice(-4)}`);
      await expectFitsWidth(page);
      await screenshot(page, 'citizen-my-suggestions-phone');
    });

    it('hears in the inbox that the screener accepted it, with the unread count on the menu', async () => {
      const staff = await launch({ width: 1280, height: 800 });
      try {
        const desk = await staff.newPage();
        await signIn(desk, server, 'office');
        const tracked = await apiJson<{ suggestion: { id: string } }>(
          desk,
          'GET',
          `/api/v1/public/track/${code}`,
        );
        await apiJson(desk, 'POST', `/api/v1/ideas/suggestions/${tracked.suggestion.id}/screen`, {
          decision: 'accept',
        });
      } finally {
        await staff.close();
      }
      await page.reload();
      const item = page.getByTestId('my-suggestion').filter({ hasText: title });
      await expect.poll(() => item.getByTestId('my-suggestion-status').textContent()).toBe('已受理');
      await expect
        .poll(() => page.getByTestId('user-menu').getAttribute('aria-label'))
        .toMatch(/2 条未读消息/);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('inbox-link').click();
      await page.waitForURL((u) => u.pathname === '/inbox');
      const accepted = page.getByTestId('inbox-item').filter({ hasText: '已通过初筛' });
      await accepted.waitFor();
      expect(await page.getByTestId('inbox-item').filter({ hasText: title }).count()).toBeGreaterThan(0);
      await expectFitsWidth(page);
      await screenshot(page, 'citizen-inbox-phone');
      // The message opens the suggestion it is about, public now that it passed screening.
      await accepted.getByRole('link').click();
      await page.waitForURL((u) => /^\/ideas\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByRole('heading', { name: title }).waitFor();
    });

    it('forgets the password on another phone, sets a new one by a code, and the first phone is signed out', async () => {
      const other = await launch(phone);
      try {
        const away = await other.newPage();
        await away.goto(`${server.url}/login`);
        await away.getByRole('link', { name: '忘记密码？' }).click();
        await away.waitForURL((u) => u.pathname === '/recover');
        await away.locator('#recover_phone').fill(mobile);
        await expect
          .poll(
            async () => {
              if (lastCode(server, /找回密码/)) return true;
              const send = away.getByRole('button', { name: '获取验证码' });
              if ((await send.count()) > 0 && (await send.isEnabled())) await send.click();
              return false;
            },
            { timeout: 60_000, interval: 2_000 },
          )
          .toBe(true);
        const renewed = `${password}-new`;
        await away.locator('#recover_code').fill(lastCode(server, /找回密码/)!);
        await away.locator('#recover_password').fill(renewed);
        await away.locator('#recover_confirm').fill(renewed);
        await away.getByRole('button', { name: '设置新密码' }).click();
        await away.waitForURL((u) => u.pathname === '/login');
        await expectFitsWidth(away);
        await away.locator('#login').fill(mobile);
        await away.locator('#password').fill(renewed);
        await away.getByTestId('login-submit').click();
        await away.getByTestId('user-menu').waitFor();
      } finally {
        await other.close();
      }
      await page.reload();
      await expect.poll(() => page.getByTestId('user-menu').count()).toBe(0);
    });
  },
);

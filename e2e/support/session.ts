import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { E2eServer } from './server.js';

/**
 * Fills the login page's form and sends it. Someone still signed in is shown who they are
 * instead of the form: the page's own way to use another account signs them out first.
 */
async function fillLogin(page: Page, server: E2eServer, login: string) {
  const form = page.locator('#login');
  await form.or(page.getByTestId('signed-in-as')).first().waitFor();
  if (!(await form.isVisible())) {
    await page.getByRole('button', { name: /退出并换个账号|Sign out and use another account/ }).click();
    await form.waitFor();
  }
  await form.fill(login);
  await page.locator('#password').fill(server.accounts[login]!);
  await page.getByTestId('login-submit').click();
}

/** Signs a demo account in through the login page and waits for the console. */
export async function signIn(page: Page, server: E2eServer, login: string) {
  await page.goto(`${server.url}/login`);
  await fillLogin(page, server, login);
  await page.waitForURL(/\/admin/);
}

/** Signs a demo account in from the login page sent on to `path` (a firm's page, say), and waits there. */
export async function signInTo(page: Page, server: E2eServer, login: string, path: string) {
  await page.goto(`${server.url}/login?next=${encodeURIComponent(path)}`);
  await fillLogin(page, server, login);
  await page.waitForURL((u) => u.pathname === path);
}

/**
 * Signs out through the user menu and waits for the server to have ended the session and for the
 * page to leave the console. Leaving a public page (a firm's) at once could cut the request off,
 * and the sign-in page then shows who is still signed in rather than its form.
 */
export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  const ended = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/auth/logout' && r.request().method() === 'POST',
  );
  await page.getByTestId('logout').click();
  expect((await ended).ok()).toBe(true);
  await page.waitForURL((url) => !url.pathname.startsWith('/admin'));
}

/** True when the page fits its width (no sideways scrolling on a phone). */
export const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The words of the elements matching `selector` that are cut short (an ellipsis, a clipped line). */
export const cutShort = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    return Array.from(document.querySelectorAll(sel))
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
      .map((e) => e.textContent ?? '');
  }, selector);

/**
 * The elements that reach past the window's right edge, outermost first, each as its tag, classes
 * and right edge: what a failed width check names, so that a page too wide says what widened it.
 */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const wide: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const right = el.getBoundingClientRect().right;
      if (right <= window.innerWidth + 0.5) continue;
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > window.innerWidth + 0.5)
        continue;
      const classes = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 3).join('.') : '';
      const text = (el.textContent ?? '').trim().slice(0, 40);
      wide.push(
        `${el.tagName.toLowerCase()}${classes ? `.${classes}` : ''} right=${Math.round(right)} “${text}”`,
      );
    }
    return {
      width: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      wide: wide.slice(0, 8),
    };
  });

/**
 * Waits until the page fits its width. A page just navigated to may be wider for a moment while it
 * settles, and on a loaded machine one look at it can take over a second, which a one-second poll
 * read as a page that never fits; a page that stays wider still fails, naming what reaches past
 * the edge.
 */
export async function expectFitsWidth(page: Page) {
  const until = Date.now() + 15_000;
  while (!(await noSideScroll(page))) {
    if (Date.now() > until) {
      const { width, scrollWidth, wide } = await overflowing(page);
      expect.fail(
        `the page is ${scrollWidth}px wide in a ${width}px window; past the edge: ${wide.join(' | ') || 'nothing found'}`,
      );
    }
    await page.waitForTimeout(250);
  }
}

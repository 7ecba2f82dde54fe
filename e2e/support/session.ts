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

/**
 * Waits until the page fits its width. A page just navigated to may be wider for a moment while it
 * settles, and on a loaded machine one look at it can take over a second, which a one-second poll
 * read as a page that never fits; a page that stays wider still fails.
 */
export const expectFitsWidth = (page: Page) =>
  expect.poll(() => noSideScroll(page), { timeout: 15_000 }).toBe(true);

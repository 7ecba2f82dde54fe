import type { Page } from 'playwright-core';
import type { E2eServer } from './server.js';

/** Signs a demo account in through the login page and waits for the console. */
export async function signIn(page: Page, server: E2eServer, login: string) {
  await page.goto(`${server.url}/login`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(server.accounts[login]!);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/admin/);
}

/** Signs a demo account in from the login page sent on to `path` (a firm's page, say), and waits there. */
export async function signInTo(page: Page, server: E2eServer, login: string, path: string) {
  await page.goto(`${server.url}/login?next=${encodeURIComponent(path)}`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(server.accounts[login]!);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname === path);
}

/** Signs out through the user menu and waits to leave the console. */
export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin'));
}

/** True when the page fits its width (no sideways scrolling on a phone). */
export const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

import type { Page } from 'playwright-core';

/**
 * Opens a page and waits until it shows its data: the network quiet, no spinner or skeleton left,
 * and the lazily loaded route's content in place. Checks such as axe's then see what a person sees.
 */
export async function openSettled(page: Page, url: string) {
  await page.goto(url);
  await settle(page);
}

export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () =>
      document.querySelector('main, .ant-layout-content') !== null &&
      document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .qx-skeleton') === null,
    undefined,
    { timeout: 20_000 },
  );
  // Charts and tables draw in the frame after their data arrives.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

import type { Page } from 'playwright-core';

/** Requests a page has in flight, and when the last one started or ended. */
interface Traffic {
  open: number;
  lastChange: number;
}

const traffic = new WeakMap<Page, Traffic>();

function follow(page: Page): Traffic {
  const known = traffic.get(page);
  if (known) return known;
  const t: Traffic = { open: 0, lastChange: Date.now() };
  const started = () => {
    t.open++;
    t.lastChange = Date.now();
  };
  const ended = () => {
    t.open = Math.max(0, t.open - 1);
    t.lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  traffic.set(page, t);
  return t;
}

/**
 * Resolves once the page has had no request in flight for `quietMs`. Playwright's own
 * 'networkidle' asks for 500 ms of silence, and a page was waited on twice: over a hundred pages
 * that was two minutes of the suite spent waiting on nothing. The app holds no long-lived
 * connection, so a short silence after the last response means its data has arrived.
 */
async function quiet(page: Page, t: Traffic, quietMs = 250, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (t.open > 0 || Date.now() - t.lastChange < quietMs) {
    if (Date.now() > deadline)
      throw new Error(`${page.url()}: requests still in flight after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Opens a page and waits until it shows its data: the network quiet, no spinner or skeleton left,
 * and the lazily loaded route's content in place. Checks such as axe's then see what a person sees.
 */
export async function openSettled(page: Page, url: string) {
  follow(page);
  await page.goto(url);
  await settle(page);
}

export async function settle(page: Page) {
  const known = traffic.has(page);
  const t = follow(page);
  // Requests that started before the page was followed are unknown: wait them out once.
  if (!known) await page.waitForLoadState('networkidle');
  await quiet(page, t);
  await page.waitForFunction(
    () =>
      document.querySelector('main, .ant-layout-content') !== null &&
      document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .qx-skeleton') === null,
    undefined,
    { timeout: 20_000 },
  );
  // What the content asks for once it is drawn (a chart's data, a second page of a list).
  await quiet(page, t);
  // Charts and tables draw in the frames after their data arrives.
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await page.waitForTimeout(100);
}

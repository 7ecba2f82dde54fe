import type { Page } from 'playwright-core';

/** A SHA-256 hex digest computed by the browser, as anyone checking a draw's seed against its hash would. */
export const sha256InBrowser = (page: Page, text: string) =>
  page.evaluate(async (s) => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }, text);

import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signInTo } from './support/session.js';

const enabled = browserAvailability();

describe.runIf(enabled)('accessibility of an expert’s pages', () => {
  let server: E2eServer;
  let browser: BrowserContext;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch({ width: 1280, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the review page, with its conflicts of interest, has no WCAG 2.1 AA violation that axe-core finds', async () => {
    const view = await browser.newPage();
    // No transitions half-way through: axe measures colours as they settle.
    await view.emulateMedia({ reducedMotion: 'reduce' });
    await signInTo(view, server, 'expert1', '/admin/ideas/reviews');
    await view.getByTestId('review-conflicts').waitFor();
    await view.getByTestId('review-item').first().waitFor();
    await expectNoAxeViolations(view, '/admin/ideas/reviews (expert)');
  });
});

import type { Page } from 'playwright-core';

/** A phone's viewport, as the inspectors, the firms' staff and the public use the site. */
export const phone = { width: 375, height: 812 };

/** A one-pixel PNG: a photo as a phone's camera would send it, small. */
export const photo = {
  name: '现场照片.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
};

/** Waits until no animation of a popover, modal or message is still running (axe sees the page at rest). */
export const calm = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

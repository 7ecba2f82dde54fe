import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const artifactsDir = resolve(import.meta.dirname, '..', '..', 'artifacts');

/** Says how to get Chromium, and fails instead of skipping when REQUIRE_E2E=1. */
export function browserAvailability(): boolean {
  if (hasChromium) return true;
  const how = `Chromium not found at ${chromiumPath}. Install it with: apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk`;
  if (process.env.REQUIRE_E2E === '1') throw new Error(`${how} (REQUIRE_E2E=1: browser tests are required)`);
  console.warn(`${how}\nBrowser tests are skipped.`);
  return false;
}

/**
 * A browser of its own profile folder, which its `close()` removes once the browser has exited:
 * about 16 MB a browser, left behind by every run, filled the disk.
 */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'qx-chromium-'));
  let context: BrowserContext;
  try {
    context = await openBrowser(profile, viewport);
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  // A persistent context's close() ends the browser and waits for its process to exit.
  const close = context.close.bind(context);
  context.close = async (options) => {
    try {
      await close(options);
    } finally {
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    }
  };
  return context;
}

function openBrowser(profile: string, viewport: { width: number; height: number }) {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    viewport,
    locale: 'zh-CN',
    // The theme turns antd's motion off for it: a click never lands on a half-open picker.
    reducedMotion: 'reduce',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Keeps a screenshot in artifacts/ for people to look at after the run. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

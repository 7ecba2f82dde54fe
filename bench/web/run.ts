// The public pages as a citizen meets them on a phone: the real server on a fresh embedded
// database with the full demo, headless Chromium at a phone's viewport on Chrome's "Slow 4G"
// profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and, by default, the CPU slowed
// 4× as Lighthouse does. Every load starts with an empty cache. Prints, per page, the median of
// the runs: Largest Contentful Paint, bytes transferred, requests, and the entry JavaScript
// (the module script and the chunks index.html preloads) as sent over the wire.
// Run: npx tsx --conditions=source bench/web/run.ts
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { startBenchServer } from '../intake/server.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Number(process.env.BENCH_RUNS ?? 3);
const cpuRate = Number(process.env.BENCH_CPU ?? 4);

/** Chrome DevTools' "Slow 4G" preset, as Lighthouse uses it for mobile. */
const slow4g = {
  offline: false,
  latency: 150,
  downloadThroughput: 200_000, // bytes per second: 1.6 Mbit/s
  uploadThroughput: 93_750, // 750 kbit/s
};

/** Lighthouse's mobile device (Moto G Power). */
const phone = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  locale: 'zh-CN',
};

interface Load {
  lcpMs: number;
  lcpElement: string;
  bytes: number;
  requests: number;
  entryJsBytes: number;
  warnings: string[];
}

/** The largest-contentful-paint entries, kept from the very first paint. */
const observeLcp = () => {
  const w = window as unknown as { __lcp: number; __lcpElement: string };
  w.__lcp = 0;
  w.__lcpElement = '';
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      w.__lcp = entry.startTime;
      // Which element it was, so that a slow page says what to make faster.
      const element = (entry as PerformanceEntry & { element?: Element | null }).element;
      w.__lcpElement = element
        ? `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 16)}"`
        : '';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', slow4g);
  if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  return cdp;
}

async function load(browser: Browser, url: string, entry: string[]): Promise<Load> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    await page.addInitScript(observeLcp);
    const cdp = await throttle(page);
    const urls = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text().slice(0, 120));
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    // Rendering on a slowed CPU goes on after the network is quiet: wait for the last candidate.
    let lcpMs = 0;
    for (let stableSince = Date.now(); Date.now() - stableSince < 2000; ) {
      await page.waitForTimeout(250);
      const now = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
      if (now !== lcpMs || now === 0) [lcpMs, stableSince] = [now, Date.now()];
    }
    const lcpElement = await page.evaluate(
      () => (window as unknown as { __lcpElement: string }).__lcpElement,
    );
    let bytes = 0;
    let entryJsBytes = 0;
    for (const [id, size] of sizes) {
      bytes += size;
      if (entry.includes(urls.get(id) ?? '')) entryJsBytes += size;
    }
    return { lcpMs, lcpElement, bytes, requests: sizes.size, entryJsBytes, warnings };
  } finally {
    await context.close();
  }
}

/** The module script of index.html and the chunks it preloads: what runs before any page. */
async function entryScripts(base: string): Promise<string[]> {
  const html = await (await fetch(`${base}/`)).text();
  return [
    ...html.matchAll(/<(?:script type="module"[^>]* src|link rel="modulepreload"[^>]* href)="([^"]+)"/g),
  ].map((m) => new URL(m[1]!, base).href);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;

const server = await startBenchServer('pglite', {}, 'tsx');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
});
try {
  const list = (await (await fetch(`${server.url}/api/v1/public/suggestions?pageSize=1`)).json()) as {
    items: Array<{ id: string }>;
  };
  const all = ['/', '/ideas', `/ideas/${list.items[0]!.id}`, '/ideas/submit', '/ideas/track'];
  // BENCH_PAGES=/ideas,/ideas/{id} measures only those.
  const only = process.env.BENCH_PAGES?.split(',');
  const pages = only ? all.filter((p) => only.includes(p.replace(/[0-9a-f-]{36}/, '{id}'))) : all;
  console.log(
    `phone ${phone.viewport.width}×${phone.viewport.height}, Slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up), CPU ${cpuRate}× slower, ${runs} cold loads per page, medians`,
  );
  // One load first, not counted: the server's first answers (its caches, the JIT) are not the page's.
  const entry = await entryScripts(server.url);
  await load(browser, `${server.url}/`, entry);
  const results = [];
  for (const path of pages) {
    const loads: Load[] = [];
    for (let i = 0; i < runs; i++) loads.push(await load(browser, server.url + path, entry));
    const row = {
      page: path.replace(/[0-9a-f-]{36}/, '{id}'),
      lcpMs: Math.round(median(loads.map((l) => l.lcpMs))),
      lcpElement: loads.at(-1)?.lcpElement ?? '',
      bytes: median(loads.map((l) => l.bytes)),
      requests: median(loads.map((l) => l.requests)),
      entryJsBytes: median(loads.map((l) => l.entryJsBytes)),
      consoleWarnings: [...new Set(loads.flatMap((l) => l.warnings))],
    };
    results.push(row);
    console.log(
      `${row.page.padEnd(14)} LCP ${(row.lcpMs / 1000).toFixed(2)} s  transferred ${kb(row.bytes).padStart(8)}  requests ${String(row.requests).padStart(3)}  entry JS ${kb(row.entryJsBytes).padStart(7)}  console warnings/errors ${row.consoleWarnings.length}  LCP element ${row.lcpElement}`,
    );
    for (const w of row.consoleWarnings) console.log(`    ${w}`);
  }
  console.log(`RESULT_JSON ${JSON.stringify({ cpuRate, runs, results })}`);
} finally {
  await browser.close();
  await server.stop();
}

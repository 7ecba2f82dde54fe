import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolders } from '../test-support/temp-folders.js';
import type { AppEnv } from './env.js';
import { mountWebApp } from './static.js';

const script = `export const greeting = ${JSON.stringify('你好，'.repeat(200))};\n`;
const html = '<!doctype html><html><head><title>t</title></head><body><div id="root"></div></body></html>';
let app: Hono<AppEnv>;
const folder = tempFolders('qianxing-static-');

beforeAll(() => {
  // A build as vite writes it: index.html, a hashed script with its brotli and gzip copies,
  // a hashed stylesheet without copies, and a file outside assets/.
  const dist = folder();
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), html);
  writeFileSync(join(dist, 'assets', 'main-AbC123.js'), script);
  writeFileSync(join(dist, 'assets', 'main-AbC123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dist, 'assets', 'main-AbC123.js.gz'), gzipSync(script));
  writeFileSync(join(dist, 'assets', 'plain-XyZ789.css'), 'body{margin:0}');
  writeFileSync(join(dist, 'robots.txt'), 'User-agent: *');
  // What the web build writes beside index.html: each page's scripts beyond the entry's.
  writeFileSync(
    join(dist, 'page-chunks.json'),
    JSON.stringify({
      '/': ['assets/Home-1.js'],
      '/ideas/:id': ['assets/Detail-1.js', 'assets/shared-1.js'],
      '/ideas/submit': ['assets/Submit-1.js', 'assets/shared-1.js'],
      '/ideas/track/:code?': ['assets/Track-1.js'],
      '/admin/units': ['assets/AdminLayout-1.js', 'assets/Units-1.js'],
    }),
  );
  app = new Hono<AppEnv>();
  mountWebApp(app, dist, {
    '/': ['/api/v1/public/stats'],
    '/ideas/:id': ['/api/v1/public/suggestions/:id', '/api/v1/public/campaign'],
  });
});

const get = (path: string, acceptEncoding?: string) =>
  app.request(path, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('hashed assets by Accept-Encoding', () => {
  it('sends the brotli copy to a browser that accepts brotli, and says so', async () => {
    const res = await get('/assets/main-AbC123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(Buffer.byteLength(script));
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends the gzip copy when brotli is not accepted', async () => {
    const res = await get('/assets/main-AbC123.js', 'gzip, deflate');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it.each([
    ['no Accept-Encoding', undefined],
    ['only identity', 'identity'],
    ['brotli and gzip refused with q=0', 'br;q=0, gzip;q=0'],
  ])('sends the file as it is with %s, still varying by encoding', async (_, accept) => {
    const res = await get('/assets/main-AbC123.js', accept);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(script);
  });

  it('sends an asset without compressed copies as it is', async () => {
    const res = await get('/assets/plain-XyZ789.css', 'br, gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('body{margin:0}');
  });

  it('answers a missing asset with 404, not the app page nor a compressed copy of nothing', async () => {
    const res = await get('/assets/missing-000.js', 'br');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('the app page', () => {
  it('names the home page preloads in its head', async () => {
    const res = await get('/', 'br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const page = await res.text();
    expect(page).toContain(
      '<link rel="preload" href="/api/v1/public/stats" as="fetch" crossorigin="anonymous">',
    );
    expect(page.indexOf('rel="preload"')).toBeLessThan(page.indexOf('</head>'));
  });

  it('leaves other pages without read preloads, so nothing is fetched that they do not read', async () => {
    for (const path of ['/ideas/submit', '/admin/units']) {
      expect(await (await get(path)).text()).not.toContain('rel="preload"');
    }
  });

  const modulePreloads = async (path: string) =>
    [
      ...(await (await get(path)).text()).matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g),
    ].map((m) => m[1]);

  it("preloads each page's own scripts, a literal path before a parameter", async () => {
    expect(await modulePreloads('/')).toEqual(['/assets/Home-1.js']);
    expect(await modulePreloads('/ideas/submit')).toEqual(['/assets/Submit-1.js', '/assets/shared-1.js']);
    expect(await modulePreloads('/ideas/0b6d-uuid')).toEqual(['/assets/Detail-1.js', '/assets/shared-1.js']);
    expect(await modulePreloads('/ideas/track')).toEqual(['/assets/Track-1.js']);
    expect(await modulePreloads('/ideas/track/QX7K2M')).toEqual(['/assets/Track-1.js']);
    expect(await modulePreloads('/admin/units/')).toEqual(['/assets/AdminLayout-1.js', '/assets/Units-1.js']);
  });

  it("names a page's reads with the page's own parameters, and only for that page", async () => {
    const page = await (await get('/ideas/0b6d-uuid')).text();
    expect(page).toContain('<link rel="preload" href="/api/v1/public/suggestions/0b6d-uuid" as="fetch"');
    expect(page).toContain('<link rel="preload" href="/api/v1/public/campaign" as="fetch"');
    const other = await (await get('/ideas/a%3Cb')).text();
    expect(other).toContain('href="/api/v1/public/suggestions/a%3Cb"');
    expect(other).not.toContain('a<b');
    expect(await (await get('/ideas/submit')).text()).not.toContain('/api/v1/public/suggestions/');
  });

  it('adds nothing to a path no page has', async () => {
    for (const path of ['/ideas', '/ideas/a/b', '/index.html', '/nowhere']) {
      expect(await (await get(path)).text()).toBe(html);
    }
  });

  it('serves files outside assets/ without the long cache', async () => {
    const res = await get('/robots.txt');
    expect(await res.text()).toBe('User-agent: *');
    expect(res.headers.get('cache-control')).toBeNull();
  });

  it('leaves unknown API paths to the API', async () => {
    expect((await get('/api/v1/nothing')).status).toBe(404);
  });
});

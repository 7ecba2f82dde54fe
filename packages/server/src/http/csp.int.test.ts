import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { modules } from '../modules/registry.js';
import { inboxSms, silentLog } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { tempFolders } from '../test-support/temp-folders.js';
import { createApp } from './app.js';

const web = join(dirname(fileURLToPath(import.meta.url)), '../../../web');
/** A <script> element that carries its code inline rather than loading a file. */
const inlineScript = /<script\b(?![^>]*\bsrc=)[^>]*>/i;

let database: Database;
let app: ReturnType<typeof createApp>;
const folder = tempFolders('qianxing-web-');

beforeAll(async () => {
  database = await createTestDatabase();
  // The web app's own page, served as the server serves a build of it.
  const webDist = folder();
  copyFileSync(join(web, 'index.html'), join(webDist, 'index.html'));
  app = createApp({
    modules,
    database,
    log: silentLog,
    sms: inboxSms(),
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
    webDist,
  });
});
afterAll(() => database.close());

function policyOf(res: Response): Map<string, string> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('content security policy', () => {
  it.each([
    ['the web app page', '/'],
    ['a client-side route', '/ideas/browse'],
    ['an API answer', '/api/v1/public/campaign'],
    ['an API error', '/api/v1/no-such-route'],
    ['the API docs page', '/api/docs'],
    ['the API docs script', '/api/docs/init.js'],
  ])('is sent with %s and allows scripts only from this server', async (_name, path) => {
    const res = await app.request(path);
    const policy = policyOf(res);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('style-src')).toBe("'self' 'unsafe-inline'");
  });

  it('leaves no inline script in the web app page, as written and as built', () => {
    const pages = [join(web, 'index.html'), join(web, 'dist/index.html')].filter((p) => existsSync(p));
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html).toMatch(/<script\b[^>]*\bsrc=/i);
      expect(html).not.toMatch(inlineScript);
    }
  });

  it('serves the API docs with every script from a file, so the policy lets them run', async () => {
    const html = await (await app.request('/api/docs')).text();
    expect(html).toContain('/api/docs/init.js');
    expect(html).not.toMatch(inlineScript);
    const bundle = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(await (await app.request('/api/docs/init.js')).text()).toContain('SwaggerUIBundle');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './env.js';

const require = createRequire(import.meta.url);

/** Interactive API docs from the swagger-ui-dist package, served locally (no CDN). */
export function mountApiDocs(app: Hono<AppEnv>) {
  const dist = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
  const root = relative(process.cwd(), dist);
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Qianxing API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
  app.get('/api/docs', (c) => c.html(page));
  app.get('/api/docs/init.js', (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });", 200, {
      'content-type': 'text/javascript; charset=utf-8',
    }),
  );
  app.use('/api/docs/*', serveStatic({ root, rewriteRequestPath: (p) => p.replace(/^\/api\/docs/, '') }));
}

/** A year: hashed asset names change with their contents, so a browser may keep them for good. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * The built web app on the same port; any non-API path falls back to index.html (client
 * routing). Hashed assets are sent as the build's brotli or gzip copy when the request's
 * Accept-Encoding lists it (`br` before `gzip`; a coding listed with a q-value, `;q=0` say, is
 * never chosen), else as they are; every answer under /assets says `Vary: Accept-Encoding`.
 * `preloads` names, by page path, the API reads a page starts with: its HTML asks the browser
 * to fetch them at once, beside the scripts, instead of after them.
 */
export function mountWebApp(
  app: Hono<AppEnv>,
  webDist: string,
  preloads: Record<string, readonly string[]> = {},
) {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (c) => c.text('The web app is not built: run `npm run build`.', 503));
    return;
  }
  const html = readFileSync(index, 'utf8');
  const pages = new Map(Object.entries(preloads).map(([path, urls]) => [path, withPreloads(html, urls)]));
  const root = relative(process.cwd(), webDist);
  app.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (_p, c) => {
        c.header('cache-control', immutable);
        if (!c.res.headers.get('vary')) c.header('vary', 'Accept-Encoding');
      },
    }),
  );
  const page = (c: Context<AppEnv>) => {
    c.header('cache-control', 'no-cache');
    return c.html(pages.get(c.req.path) ?? html);
  };
  // index.html itself is answered here, not by serveStatic, so that it carries its preloads.
  app.get('/', page);
  app.get('/index.html', page);
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : page(c)));
}

/** index.html with a `<link rel="preload" as="fetch">` per URL at the end of its head. */
function withPreloads(html: string, urls: readonly string[]): string {
  const links = urls
    .map((url) => `<link rel="preload" href="${encodeURI(url)}" as="fetch" crossorigin="anonymous">`)
    .join('\n    ');
  return html.replace('</head>', `  ${links}\n  </head>`);
}

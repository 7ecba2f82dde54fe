import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
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

/** The built web app on the same port; any non-API path falls back to index.html (client routing). */
export function mountWebApp(app: Hono<AppEnv>, webDist: string) {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (c) => c.text('The web app is not built: run `npm run build`.', 503));
    return;
  }
  const html = readFileSync(index, 'utf8');
  const root = relative(process.cwd(), webDist);
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    c.header('cache-control', 'no-cache');
    return c.html(html);
  });
}

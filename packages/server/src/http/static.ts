import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './env.js';
import { bestMatch, loadPageChunks } from './page-chunks.js';

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
 * `preloads` names, by page pattern (`/ideas/:id`), the API reads a page starts with, where
 * `:id` takes the page's own value: its HTML asks the browser to fetch them at once, beside the
 * scripts, instead of after them. Each page's HTML also
 * preloads that page's own scripts (`page-chunks.ts`).
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
  const chunks = loadPageChunks(webDist);
  const reads = Object.entries(preloads).map(([pattern, urls]) => ({ pattern, urls }));
  // One HTML per page pattern, made on first request; a page whose reads name its parameters
  // (a suggestion's id) is written for each request, which is a few string replacements.
  const pages = new Map<string, string>();
  const htmlFor = (path: string) => {
    const matched = bestMatch(chunks, path);
    const page = matched?.page;
    // The reads of the page the router would show (/ideas/submit is not /ideas/:id); with no
    // page list from the build, only a literal path's.
    const readPage = reads.find((r) => r.pattern === (matched?.page.pattern ?? path));
    const params = matched?.params ?? {};
    const template = readPage?.urls ?? [];
    const urls = template.map((url) =>
      url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(decoded(params[name] ?? ''))),
    );
    const personal = urls.some((url, i) => url !== template[i]);
    const key = `${page?.pattern ?? ''}|${readPage?.pattern ?? ''}`;
    const cached = personal ? undefined : pages.get(key);
    if (cached !== undefined) return cached;
    const answer = withPreloads(withModulePreloads(html, page?.files ?? []), urls);
    if (!personal) pages.set(key, answer);
    return answer;
  };
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
  // A missing asset is a 404, never the app page: a tab open across a deploy asks for the old
  // build's scripts, and an HTML answer to a module request only muddles the failure the page
  // then reports (it offers to reload). Not cached, as the name may exist in a later build.
  app.get('/assets/*', (c) => {
    c.header('cache-control', 'no-cache');
    return c.text('Not Found', 404);
  });
  const page = (c: Context<AppEnv>) => {
    c.header('cache-control', 'no-cache');
    return c.html(htmlFor(c.req.path));
  };
  // index.html itself is answered here, not by serveStatic, so that it carries its preloads.
  app.get('/', page);
  app.get('/index.html', page);
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : page(c)));
}

/** A URL (already percent-encoded) inside a double-quoted HTML attribute. */
const attribute = (url: string) => url.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** A path segment as the page's code sees it (React Router decodes it); a malformed one stays as it is. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * index.html with a modulepreload link per script of the page, after the entry's own: the
 * browser fetches the page's code beside the entry instead of once the entry has run.
 */
function withModulePreloads(html: string, files: readonly string[]): string {
  if (files.length === 0) return html;
  const links = files
    .map((f) => `<link rel="modulepreload" crossorigin href="/${encodeURI(f)}">`)
    .join('\n    ');
  return html.replace('</head>', `  ${links}\n  </head>`);
}

/** index.html with a `<link rel="preload" as="fetch">` per URL at the end of its head. */
function withPreloads(html: string, urls: readonly string[]): string {
  if (urls.length === 0) return html;
  const links = urls
    .map((url) => `<link rel="preload" href="${attribute(url)}" as="fetch" crossorigin="anonymous">`)
    .join('\n    ');
  return html.replace('</head>', `  ${links}\n  </head>`);
}

import { OpenAPIHono } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { auditRouter } from '../audit/routes.js';
import { authRouter } from '../auth/routes.js';
import type { SmsProvider } from '../auth/sms.js';
import type { Database } from '../db/client.js';
import type { ReadReplica } from '../db/replica.js';
import { AppError } from '../errors.js';
import { abilitiesFor } from '../kernel/abilities.js';
import { menuFor } from '../kernel/menu.js';
import type { ModuleDefinition } from '../kernel/module.js';
import { waitingRouter } from '../kernel/waiting.js';
import type { AppMetrics } from '../metrics/app-metrics.js';
import { metricsOnAppPort } from '../metrics/endpoint.js';
import { describeDocument } from '../openapi/describe.js';
import { allOperationDocs } from '../openapi/docs/index.js';
import { type TrustProxy, trustNoProxy } from './client-address.js';
import type { AppEnv } from './env.js';
import { answerError } from './error-answer.js';
import { healthRouter } from './health.js';
import {
  bodyLimitFor,
  bodyLimitMiddleware,
  contextMiddleware,
  csrfMiddleware,
  passwordChangeMiddleware,
  uploadRoutesOf,
} from './middleware.js';
import { pickLocale, problemResponse } from './problem.js';
import { readRouting } from './read-routing.js';
import { mountApiDocs, mountWebApp } from './static.js';

export interface AppDeps {
  database: Database;
  log: Logger;
  sms: SmsProvider;
  version: string;
  sessionDays: number;
  secureCookies: boolean;
  /** Which peers may say, in `X-Forwarded-For`, whom they forward (`http/client-address.ts`). */
  trustProxy?: TrustProxy;
  webDist?: string | undefined;
  /** The platform's modules (`modules/registry.ts`); the app mounts each one's routes. */
  modules: readonly ModuleDefinition[];
  /** Request metrics; off unless the operator turned metrics on (docs/operations.md). */
  metrics?: AppMetrics | undefined;
  /** A streaming replica for the reads that may lag (read-routing.ts). */
  readReplica?: ReadReplica | undefined;
  /** When set, `/metrics` is served on this app's port to a scraper presenting this token. */
  metricsToken?: string | undefined;
  /** How long a request's body may go without a byte arriving (`http/body-read.ts`); 30 s unless set. */
  bodyIdleMs?: number | undefined;
  /**
   * True once a stop closes the database: a request still running then fails on it, and is
   * answered 503 `UNAVAILABLE` (try again) rather than as the server's own failure.
   */
  databaseClosing?: () => boolean;
}

/**
 * One policy for the web app, the API docs and every API answer: scripts only from files this
 * server serves, so that injected markup cannot run. Styles allow inline because antd's CSS-in-JS
 * and Swagger UI write <style> tags at run time; images and fonts allow data: URIs, which both
 * libraries use for icons, and blob: for attachment previews and generated reports.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The API: sign-in, every module's routes in registry order, the audit log; under /api/v1. */
export function apiV1(deps: Pick<AppDeps, 'sessionDays' | 'secureCookies' | 'modules'>) {
  const api = new OpenAPIHono<AppEnv>().route(
    '/',
    authRouter({
      ...deps,
      consoleFor: (p) => ({ menu: menuFor(p, deps.modules), abilities: abilitiesFor(p, deps.modules) }),
    }),
  );
  for (const m of deps.modules) if (m.router) api.route('/', m.router);
  return api.route('/', auditRouter).route('/', waitingRouter(deps.modules));
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  if (deps.metrics) app.use('*', deps.metrics.middleware);
  const headers = secureHeaders({ contentSecurityPolicy, crossOriginEmbedderPolicy: false });
  // A route that sends a policy of its own (the printable report: nothing may load at all)
  // keeps it: the app's headers are set after the route has answered, and would replace it.
  app.use('*', async (c, next) => {
    let own: string | null = null;
    await headers(c, async () => {
      await next();
      own = c.res.headers.get('content-security-policy');
    });
    if (own) c.res.headers.set('content-security-policy', own);
  });
  app.use(
    '/api/*',
    contextMiddleware({
      db: deps.database.db,
      log: deps.log,
      sms: deps.sms,
      trustProxy: deps.trustProxy ?? trustNoProxy,
      secureCookies: deps.secureCookies,
    }),
  );
  if (deps.readReplica)
    app.use('/api/v1/*', readRouting(deps.readReplica, { secureCookies: deps.secureCookies }));
  // The routes are mounted below; the first request reads which of them take a file.
  let takesFile: ReturnType<typeof uploadRoutesOf> | undefined;
  const uploadRoute = (method: string, path: string) => {
    takesFile ??= uploadRoutesOf(app.openAPIRegistry.definitions);
    return takesFile(method, path);
  };
  const sizes = { upload: limits.uploadBytes, json: limits.jsonBytes, public: limits.publicJsonBytes };
  app.use('/api/*', bodyLimitMiddleware(bodyLimitFor(sizes, uploadRoute), deps.bodyIdleMs));
  app.use('/api/v1/*', csrfMiddleware);
  app.use('/api/v1/*', passwordChangeMiddleware);
  app.route('/api', healthRouter(deps.database, deps.version, deps.readReplica));
  app.route('/api/v1', apiV1(deps));
  // Worded in the reader's language (`?lang=en` or Accept-Language), built once per language.
  const documents = new Map<string, unknown>();
  app.get('/api/openapi.json', (c) => {
    const lang = c.req.query('lang');
    const locale = lang === 'en' || lang === 'zh-CN' ? lang : pickLocale(c.req.header('accept-language'));
    let doc = documents.get(locale);
    if (!doc) {
      doc = describeDocument(
        app.getOpenAPI31Document(openApiInfo(deps.version)),
        allOperationDocs(deps.modules),
        locale,
      );
      documents.set(locale, doc);
    }
    return c.json(doc);
  });
  mountApiDocs(app);
  if (deps.metrics && deps.metricsToken)
    app.use('/metrics', metricsOnAppPort(deps.metrics, deps.metricsToken));
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? problemResponse(c, new AppError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`))
      : c.text('Not found', 404),
  );
  app.onError(answerError(deps));
  if (deps.webDist) mountWebApp(app, deps.webDist, pagePreloads(deps.modules));
  return app;
}

/** The modules' preloads merged by page path. */
function pagePreloads(modules: readonly ModuleDefinition[]): Record<string, string[]> {
  const byPage: Record<string, string[]> = {};
  for (const m of modules)
    for (const [page, urls] of Object.entries(m.preloads ?? {}))
      byPage[page] = [...(byPage[page] ?? []), ...urls];
  return byPage;
}

export const openApiInfo = (version: string) => ({
  openapi: '3.1.0',
  info: {
    title: 'Qianxing API',
    version,
    description:
      'Qianxing (黔行): a district campaign and its governance loops. Errors are RFC 9457 problem+json.',
  },
  servers: [{ url: '/' }],
});

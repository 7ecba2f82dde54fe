import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../db/client.js';
import { apiV1, openApiInfo } from '../http/app.js';
import type { AppEnv } from '../http/env.js';
import { healthRouter } from '../http/health.js';
import { modules } from '../modules/registry.js';
import { version } from '../version.js';
import { describeDocument } from './describe.js';
import { allOperationDocs } from './docs/index.js';

/**
 * The OpenAPI document of the whole API, built from the routes without a database, worded in
 * English with the Chinese beside it (the served document is worded in the reader's language).
 */
export function openApiDocument() {
  const app = new OpenAPIHono<AppEnv>();
  app.route('/api', healthRouter({} as Database, version));
  app.route('/api/v1', apiV1({ sessionDays: 7, secureCookies: false, modules }));
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'qx_session',
  });
  return describeDocument(app.getOpenAPI31Document(openApiInfo(version)), allOperationDocs(modules), 'en');
}

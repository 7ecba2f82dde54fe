import { timingSafeEqual } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { settingsSchema } from '../settings.js';
import type { AppMetrics } from './app-metrics.js';

export type RenderMetrics = AppMetrics['render'];

/** `GET /metrics` for the scraper: the exposition, no cache. */
function scrape(render: RenderMetrics) {
  return async () => {
    const { contentType, body } = await render();
    return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  };
}

/** Compares in constant time, so that the answer's timing does not spell out the token. */
function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/metrics` on the public port, for a scraper that presents `Authorization: Bearer <token>`.
 * Anyone else goes on to what the path would be without metrics (the web app, or 404): their
 * existence is not advertised.
 */
export function metricsOnAppPort(metrics: AppMetrics, token: string): MiddlewareHandler {
  const serveScrape = scrape(() => metrics.render());
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (c.req.method === 'GET' && sameToken(given, token)) return serveScrape();
    await next();
  };
}

/**
 * Parses `host:port` (`127.0.0.1:9464`, `[::1]:9464`). Checked by the setting's own rule
 * (settings.ts), which the configuration has already applied: the rule lives once, and a value
 * from elsewhere is refused in the setting's words.
 */
export function parseListen(value: string): { host: string; port: number } {
  const trimmed = value.trim();
  const checked = settingsSchema.shape.QIANXING_METRICS_LISTEN.safeParse(trimmed);
  if (!checked.success || checked.data === undefined)
    throw new Error(
      `QIANXING_METRICS_LISTEN must be ${checked.error?.issues[0]?.message ?? 'host:port'}, not "${value}"`,
    );
  const colon = trimmed.lastIndexOf(':');
  return {
    host: trimmed.slice(0, colon).replace(/^\[(.*)\]$/, '$1'),
    port: Number(trimmed.slice(colon + 1)),
  };
}

/**
 * `/metrics` on a listener of its own, bound to an address the scraper reaches and the public
 * does not (loopback, or the monitoring network), so it needs no token.
 */
export async function startMetricsListener(
  render: RenderMetrics,
  listen: string,
): Promise<{ port: number; stop(): Promise<void> }> {
  const { host, port } = parseListen(listen);
  const app = new Hono().get('/metrics', scrape(render));
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

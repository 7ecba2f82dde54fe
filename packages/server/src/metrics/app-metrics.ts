import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import type { ReadReplica } from '../db/replica.js';
import { auditBacklog } from './audit-backlog.js';
import { processRegistry } from './process.js';

export interface AppMetrics {
  /** Counts and times every request; mounted before everything else. */
  middleware: MiddlewareHandler;
  /** The process's registry and this app's, for a cluster's primary to gather. */
  registries: Registry[];
  /** The Prometheus text exposition of this app's and the process's metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

/**
 * One app's metrics in their own registry, merged with the process's when scraped. Requests are
 * labelled by their route's pattern (`/api/v1/ideas/:id`), never the raw path, so that the
 * number of series stays bounded whatever clients send.
 */
export function createAppMetrics(database: Database, replica?: ReadReplica): AppMetrics {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'qianxing_http_requests_total',
    help: 'HTTP requests answered, by route pattern and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'qianxing_http_request_duration_seconds',
    help: 'Time from receiving a request to its response, by route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'qianxing_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting clients); absent on PGlite',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = database.poolStats?.();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  // Read from the database at each scrape; every instance sees the same backlog, so a cluster's
  // primary shows the largest answer rather than the sum.
  let backlog: Promise<{ events: number; oldestAt: Date | null }> | null = null;
  const readBacklog = () => {
    backlog ??= auditBacklog(database.db).finally(() => {
      backlog = null;
    });
    return backlog;
  };
  new Gauge({
    name: 'qianxing_audit_unsealed_events',
    help: 'Audit events committed and not yet sealed into the hash chain',
    aggregator: 'max',
    registers: [registry],
    async collect() {
      this.set((await readBacklog()).events);
    },
  });
  new Gauge({
    name: 'qianxing_audit_oldest_unsealed_age_seconds',
    help: 'Age of the oldest audit event waiting to be sealed (0 when none waits)',
    aggregator: 'max',
    registers: [registry],
    async collect() {
      const { oldestAt } = await readBacklog();
      this.set(oldestAt ? Math.max(0, (Date.now() - oldestAt.getTime()) / 1000) : 0);
    },
  });
  if (replica) {
    new Gauge({
      name: 'qianxing_replica_lag_seconds',
      help: "The read replica's lag behind the primary (absent while it does not answer)",
      aggregator: 'max',
      registers: [registry],
      collect() {
        const { lagSeconds } = replica.status();
        if (lagSeconds === null) this.reset();
        else this.set(lagSeconds);
      },
    });
    new Gauge({
      name: 'qianxing_replica_in_use',
      help: 'Whether reads that may lag go to the replica (1) or to the primary (0)',
      aggregator: 'min',
      registers: [registry],
      collect() {
        this.set(replica.status().inUse ? 1 : 0);
      },
    });
  }
  const merged = Registry.merge([processRegistry, registry]);

  const middleware: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const status = String(c.res.status);
      // A request no route answered is labelled as such: its path is whatever the client sent.
      const route = c.res.status === 404 && !c.req.path.startsWith('/api/') ? 'unmatched' : routePath(c);
      const labels = { method: c.req.method, route, status };
      requests.inc(labels);
      duration.observe(labels, (performance.now() - started) / 1000);
    }
  };

  return {
    middleware,
    registries: [processRegistry, registry],
    async render() {
      return { contentType: merged.contentType, body: await merged.metrics() };
    },
  };
}

import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What belongs to the process rather than to one app: Node's own figures (heap, event-loop lag,
 * garbage collection), the group committers' batches and the text worker's queue. One process
 * serves one app in production; tests make many apps in one process, so what is per app
 * (requests, the pool, the audit backlog) lives in each app's own registry (app-metrics.ts).
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

export const groupCommitBatchSize = new Histogram({
  name: 'qianxing_group_commit_batch_size',
  help: 'Items written together in one group-commit transaction',
  labelNames: ['committer'],
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  registers: [processRegistry],
});

export const textWorkerQueue = new Gauge({
  name: 'qianxing_text_worker_queue',
  help: 'Calls sent to the text worker and not yet answered',
  registers: [processRegistry],
});

export const auditSealedEvents = new Counter({
  name: 'qianxing_audit_sealed_events_total',
  help: 'Audit events this process sealed into the hash chain',
  registers: [processRegistry],
});

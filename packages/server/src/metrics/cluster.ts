import { AggregatorRegistry } from 'prom-client';
import type { AppMetrics } from './app-metrics.js';
import { startMetricsListener } from './endpoint.js';

/**
 * `serve --workers N`: the workers share one port, so a scrape of a listener there would reach
 * one worker at random. Instead each worker hands its registries to the primary when asked, and
 * the primary alone listens for the scraper and answers with the sum over its workers (prom-client's
 * cluster aggregation; gauges marked `max` take the largest).
 */
export function offerToPrimary(metrics: AppMetrics): void {
  // Constructing the aggregator is what makes a worker answer the primary's requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries(metrics.registries);
}

/** In the primary: the metrics listener, gathering every worker's figures at each scrape. */
export function startClusterMetricsListener(listen: string) {
  const aggregator = new AggregatorRegistry();
  return startMetricsListener(
    async () => ({ contentType: aggregator.contentType, body: await aggregator.clusterMetrics() }),
    listen,
  );
}

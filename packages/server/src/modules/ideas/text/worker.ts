import { parentPort } from 'node:worker_threads';
import { CampaignTextEngines } from './engines.js';

/**
 * The text worker: a thread that holds every campaign's near-duplicate index and classifier and
 * answers one request at a time, so that text analysis (half a millisecond per submission, and
 * seconds for building or retraining) runs beside the event loop that serves requests.
 */
export interface TextRequest {
  id: number;
  op: 'build' | 'has' | 'analyse' | 'classify' | 'add' | 'remove' | 'retrain' | 'forget';
  args: unknown[];
}

export type TextResponse = { id: number; result: unknown } | { id: number; error: string };

const engines = new CampaignTextEngines();

parentPort?.on('message', ({ id, op, args }: TextRequest) => {
  try {
    const method = engines[op] as (...a: unknown[]) => unknown;
    parentPort!.postMessage({ id, result: method.apply(engines, args) } satisfies TextResponse);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message } satisfies TextResponse);
  }
});

import { startWorker } from '../../../kernel/worker-thread.js';

export interface ClusterJob {
  items: Array<{ id: string; text: string; time: number; supports: number }>;
  /** How many of the hottest clusters come back. */
  keep: number;
}

/** A cluster of suggestions, a candidate for the hard-problems list (十大难题). */
export interface HardProblem {
  title: string;
  heat: number;
  keywords: string[];
  memberIds: string[];
}

/**
 * Clusters in a worker thread of its own: seconds of segmentation and arithmetic over thousands
 * of suggestions, which on the event loop would stall every request meanwhile, and in the text
 * worker would hold up the near-duplicate checks of submissions.
 */
export function clusterInWorker(job: ClusterJob): Promise<HardProblem[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'cluster-worker', { workerData: job });
    worker.once('message', (clusters: HardProblem[]) => resolve(clusters));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the clustering exited with code ${code}`)));
  });
}

import { parentPort, workerData } from 'node:worker_threads';
import { clusterTexts } from '@qianxing/core/text';
import { segmentServer } from '@qianxing/core/text/server';
import type { ClusterJob, HardProblem } from './clusters.js';

// A worker thread for one clustering of a campaign's suggestions: the texts come in as its
// data, the hottest clusters go back, and the thread ends.
const job = workerData as ClusterJob;
const summaries = clusterTexts(job.items, { threshold: 0.5, tokenizer: segmentServer }).summaries();
parentPort?.postMessage(
  summaries.slice(0, job.keep).map(
    (c): HardProblem => ({
      title: c.title,
      heat: c.heat,
      keywords: c.keywords,
      memberIds: c.memberIds.slice(0, 500),
    }),
  ),
);

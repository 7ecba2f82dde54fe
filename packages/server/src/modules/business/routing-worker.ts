import { parentPort, workerData } from 'node:worker_threads';
import { trainRouting } from './routing-train.js';

// A worker thread for one training: the examples come in as its data, the model goes back as
// JSON (null when the examples teach nothing), and the thread ends.
const model = trainRouting(workerData as Array<{ text: string; label: string }>);
parentPort?.postMessage(model ? model.toJSON() : null);

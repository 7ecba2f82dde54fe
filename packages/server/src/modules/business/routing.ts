import { ClassifierModel, type ClassifierModelJson } from '@qianxing/core/text';
import { count, desc, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { startWorker } from '../../kernel/worker-thread.js';
import { requestText } from './routing-train.js';
import { businessRequests } from './schema.js';

/**
 * The department a request goes to, suggested by the text engine (`@qianxing/core/text`: the
 * classifier of the ideas module's domains, TF-IDF over character n-grams and linear SVMs) trained
 * on the office's past routings: the text of each routed request labelled with its department.
 */

/** The routings a model learns from: the latest ones, so it follows the office's current practice. */
const TRAIN_ON = 1500;
/** A model older than this is trained again once the office has routed more requests. */
const STALE_MS = 10 * 60 * 1000;

interface Trained {
  model: ClassifierModel | null;
  routed: number;
  at: number;
  /** A training under way in the background, so that a second one does not start. */
  retraining?: Promise<void> | undefined;
}

/** One model per database (tests run several), kept in the process. */
const models = new WeakMap<Db, Trained>();

/**
 * Trains in a worker thread: a few seconds of arithmetic on the demo's 1,500 routings, which on
 * the event loop would stall every request the process serves meanwhile.
 */
function trainInWorker(examples: Array<{ text: string; label: string }>): Promise<ClassifierModel | null> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'routing-worker', { workerData: examples });
    worker.once('message', (json: ClassifierModelJson | null) =>
      resolve(json ? ClassifierModel.fromJSON(json) : null),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the routing trainer exited with code ${code}`)));
  });
}

async function routedCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(businessRequests)
    .where(isNotNull(businessRequests.departmentId));
  return row?.n ?? 0;
}

async function train(db: Db, routed: number): Promise<Trained> {
  const rows = await db
    .select({
      title: businessRequests.title,
      body: businessRequests.body,
      departmentId: businessRequests.departmentId,
    })
    .from(businessRequests)
    .where(isNotNull(businessRequests.departmentId))
    .orderBy(desc(businessRequests.createdAt))
    .limit(TRAIN_ON);
  const model = await trainInWorker(
    rows.map((r) => ({ text: requestText(r.title, r.body), label: r.departmentId! })),
  );
  return { model, routed, at: Date.now() };
}

/** The first trainings per database, awaited by every caller until one model exists. */
const firstTraining = new WeakMap<Db, Promise<Trained>>();

/**
 * The model for this database. The first call waits for one; after that a stale model keeps
 * answering while its successor trains in the background, so no request waits for training.
 */
async function modelFor(db: Db): Promise<ClassifierModel | null> {
  const known = models.get(db);
  if (!known) {
    let first = firstTraining.get(db);
    if (!first) {
      first = routedCount(db).then((routed) => train(db, routed));
      firstTraining.set(db, first);
    }
    try {
      const fresh = await first;
      if (!models.has(db)) models.set(db, fresh);
      return models.get(db)!.model;
    } finally {
      firstTraining.delete(db);
    }
  }
  if (Date.now() - known.at >= STALE_MS && !known.retraining) {
    known.at = Date.now();
    known.retraining = routedCount(db)
      .then(async (routed) => {
        if (routed !== known.routed) models.set(db, await train(db, routed));
      })
      // A failed training keeps the model there is; the next stale read tries again.
      .catch(() => {})
      .finally(() => {
        known.retraining = undefined;
      });
  }
  return known.model;
}

export interface RoutingSuggestion {
  departmentId: string;
  confidence: number;
}

/** The department past routings point to for this text, or null before there are enough of them. */
export async function suggestDepartment(
  db: Db,
  title: string,
  body: string,
): Promise<RoutingSuggestion | null> {
  const model = await modelFor(db);
  if (!model) return null;
  const p = model.predict(requestText(title, body));
  return { departmentId: p.label, confidence: p.confidence };
}

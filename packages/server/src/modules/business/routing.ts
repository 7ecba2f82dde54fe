import { type ClassifierModel, trainClassifier } from '@qianxing/core/text';
import { count, desc, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { businessRequests } from './schema.js';

/**
 * The department a request goes to, suggested by the text engine (`@qianxing/core/text`: the
 * classifier of the ideas module's domains, TF-IDF over character n-grams and linear SVMs) trained
 * on the office's past routings: the text of each routed request labelled with its department.
 */

/** The routings a model learns from: the latest ones, so it follows the office's current practice. */
const TRAIN_ON = 1500;
/** Too few routings, or a single department, teach nothing worth suggesting. */
const MIN_EXAMPLES = 20;
/** A model older than this is trained again once the office has routed more requests. */
const STALE_MS = 10 * 60 * 1000;

export const requestText = (title: string, body: string) => `${title}\n${body}`;

interface Trained {
  model: ClassifierModel | null;
  routed: number;
  at: number;
}

/** One model per database (tests run several), kept in the process. */
const models = new WeakMap<Db, Trained>();

/** Trains a routing model on labelled texts; null when they teach nothing. */
export function trainRouting(examples: Array<{ text: string; label: string }>): ClassifierModel | null {
  if (examples.length < MIN_EXAMPLES || new Set(examples.map((e) => e.label)).size < 2) return null;
  return trainClassifier(examples, { epochs: 20 });
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
  const model = trainRouting(
    rows.map((r) => ({ text: requestText(r.title, r.body), label: r.departmentId! })),
  );
  return { model, routed, at: Date.now() };
}

async function modelFor(db: Db): Promise<ClassifierModel | null> {
  const known = models.get(db);
  if (known && Date.now() - known.at < STALE_MS) return known.model;
  const routed = await routedCount(db);
  if (known && known.routed === routed) {
    known.at = Date.now();
    return known.model;
  }
  const fresh = await train(db, routed);
  models.set(db, fresh);
  return fresh.model;
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

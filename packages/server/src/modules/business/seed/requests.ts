import { seededRandom } from '@qianxing/core/random';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitByCode } from '../../units/api.js';
import { listCategories } from '../queries/categories.js';
import { repeatsAmong } from '../requests/repeats.js';
import { requestText, trainRouting } from '../routing-train.js';
import * as tables from '../schema.js';
import { demoDepartmentCodes } from './demo-request-texts.js';
import { type DemoRequestRows, demoRequests } from './demo-requests.js';
import { seedRequestInbox } from './inbox.js';

/** A few thousand requests for the demo, a few hundred for tests (QIANXING_DEMO_REQUESTS=small|full). */
const volume = () =>
  (process.env.QIANXING_DEMO_REQUESTS ?? (process.env.VITEST ? 'small' : 'full')) === 'small' ? 300 : 3000;

/**
 * The suggestion each request got when it came in: a model trained on the first quarter of the
 * year's routings suggests the department of the rest, and whether the office kept it is stored,
 * as the live module does from the office's past routings.
 */
function suggest(rows: DemoRequestRows) {
  const routed = rows.requests.filter((r) => r.departmentId);
  const quarter = Math.floor(routed.length / 4);
  const model = trainRouting(
    routed.slice(0, quarter).map((r) => ({ text: requestText(r.title, r.body), label: r.departmentId! })),
  );
  if (!model) return;
  const trained = new Set(routed.slice(0, quarter).map((r) => r.id));
  for (const r of rows.requests) {
    if (trained.has(r.id)) continue;
    const p = model.predict(requestText(r.title, r.body));
    r.suggestedDepartmentId = p.label;
    r.suggestionConfidence = p.confidence;
    r.suggestionKept = r.departmentId ? p.label === r.departmentId : null;
  }
}

/** Inserts in slices: PostgreSQL takes at most 65,535 parameters in one statement. */
async function insertAll<T extends Record<string, unknown>>(
  tx: Parameters<Parameters<typeof transaction>[1]>[0],
  table: Parameters<typeof tx.insert>[0],
  values: T[],
) {
  for (let at = 0; at < values.length; at += 500)
    await tx.insert(table).values(values.slice(at, at + 500) as never);
}

/** The demo's requests, answers, ratings, rectifications, extensions and appeals (is_demo). */
export async function seedRequestsDemo(
  ctx: ServiceContext,
  firms: Array<{ id: string; town: string }>,
): Promise<void> {
  const departments = new Map<string, string>();
  for (const code of demoDepartmentCodes) {
    const unit = await unitByCode(ctx.db, code);
    if (unit) departments.set(code, unit.id);
  }
  if (departments.size < 2 || firms.length === 0) return;
  const categories = new Map((await listCategories(ctx.db)).map((c) => [c.code, c]));
  const rows = demoRequests(
    seededRandom(20251009),
    { firms, departments, categories, today: todayInChina() },
    volume(),
  );
  suggest(rows);
  await transaction(ctx.db, async (tx) => {
    await insertAll(tx, tables.businessRequests, rows.requests);
    await insertAll(tx, tables.businessAnswers, rows.answers);
    await insertAll(tx, tables.businessRatings, rows.ratings);
    await insertAll(tx, tables.businessRectifications, rows.rectifications);
    await insertAll(tx, tables.businessExtensions, rows.extensions);
    await insertAll(tx, tables.businessAppeals, rows.appeals);
    await insertAll(tx, tables.businessRequestEvents, rows.events);
    await insertAll(
      tx,
      tables.businessRequestRepeats,
      repeatsAmong(rows.requests as Parameters<typeof repeatsAmong>[0]),
    );
    await seedRequestInbox(tx, rows);
    await audit(tx, systemActor('seed'), {
      action: 'request.seedDemo',
      entityType: 'businessRequest',
      entityId: 'demo',
      after: { requests: rows.requests.length, ratings: rows.ratings.length, appeals: rows.appeals.length },
    });
  });
}

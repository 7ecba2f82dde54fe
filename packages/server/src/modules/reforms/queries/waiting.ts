import { eq } from 'drizzle-orm';
import type { WaitingCounter } from '../../../kernel/waiting.js';
import { canReform, mayEverReform } from '../policy.js';
import { reformReports } from '../schema.js';
import { loadLedger } from './ledger.js';
import { listReports } from './reports.js';

const reports = '/admin/reforms/reports';

/**
 * The reform office reviews the submitted monthly reports of the units below it; a lead unit corrects the reports it
 * was sent back, as the policy lets it edit them.
 */
export const reformsWaiting: WaitingCounter = async (ctx) => {
  const found = [];
  const lead = async () => new Map((await loadLedger(ctx.db)).projects.map((p) => [p.row.id, p.lead.path]));
  if (mayEverReform(ctx.principal, 'report.review')) {
    const [{ items }, leads] = await Promise.all([listReports(ctx, { status: 'submitted' }), lead()]);
    // Read but not reviewed: a unit's own reports wait for the office above it.
    const mine = items.filter((r) =>
      canReform(ctx.principal, 'report.review', {
        unitPath: leads.get(r.projectId) ?? '',
        status: 'submitted',
      }),
    );
    found.push({ key: 'toReview', count: mine.length, path: reports });
  }
  if (mayEverReform(ctx.principal, 'report.edit')) {
    const [leads, returned] = await Promise.all([
      lead(),
      ctx.db.select().from(reformReports).where(eq(reformReports.status, 'returned')),
    ]);
    const mine = returned.filter((r) =>
      canReform(ctx.principal, 'report.edit', { unitPath: leads.get(r.projectId) ?? '', status: 'returned' }),
    );
    found.push({ key: 'returned', count: mine.length, path: reports });
  }
  return found;
};

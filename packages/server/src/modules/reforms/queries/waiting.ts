import { eq } from 'drizzle-orm';
import type { WaitingCounter } from '../../../kernel/waiting.js';
import { canReform, mayEverReform } from '../policy.js';
import { reformReports } from '../schema.js';
import { loadLedger } from './ledger.js';
import { listReports } from './reports.js';

const reports = '/admin/reforms/reports';

/**
 * The reform office reviews the submitted monthly reports; a lead unit corrects the reports it
 * was sent back, as the policy lets it edit them.
 */
export const reformsWaiting: WaitingCounter = async (ctx) => {
  const found = [];
  if (mayEverReform(ctx.principal, 'report.review')) {
    const { items } = await listReports(ctx, { status: 'submitted' });
    found.push({ key: 'toReview', count: items.length, path: reports });
  }
  if (mayEverReform(ctx.principal, 'report.edit')) {
    const [ledger, returned] = await Promise.all([
      loadLedger(ctx.db),
      ctx.db.select().from(reformReports).where(eq(reformReports.status, 'returned')),
    ]);
    const lead = new Map(ledger.projects.map((p) => [p.row.id, p.lead.path]));
    const mine = returned.filter((r) =>
      canReform(ctx.principal, 'report.edit', { unitPath: lead.get(r.projectId) ?? '', status: 'returned' }),
    );
    found.push({ key: 'returned', count: mine.length, path: reports });
  }
  return found;
};

import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { holdersOver, tell } from './notify-common.js';

/** The staff over a lead unit who hear of a project given to it, the one who gave it left out. */
export const leadStaff = async (ctx: ServiceContext, leadPath: string): Promise<string[]> =>
  (await holdersOver(ctx.db, 'department_staff', leadPath)).filter((u) => u !== ctx.principal!.userId);

/**
 * A project the office has just made tells its lead unit, as one given to it later does
 * (`reforms.notice.assigned`, with its deadline): the unit reports on it from its first month.
 */
export const tellAssigned = (
  tx: Tx,
  to: readonly string[],
  p: { id: string; name: string; endDate: string },
) => tell(tx, to, 'reforms.notice.assigned', { projectId: p.id, projectName: p.name, endDate: p.endDate });

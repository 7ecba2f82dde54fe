import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import type { Firm, FirmPage, FirmQuery } from '../contracts.js';
import { firmOfMember, loadFirm } from '../lookup.js';
import { mayEver } from '../policy.js';
import { firmViews } from '../views.js';
import { listFirmRows } from './listFirms.js';

/** 企业库: a page of firms, contacts masked, with what the actor may do on the registry. */
export async function listFirms(ctx: ServiceContext, query: FirmQuery): Promise<FirmPage> {
  const { total, rows } = await listFirmRows(ctx, query);
  const actions = {
    create: mayEver(ctx.principal, 'firm.create'),
    import: mayEver(ctx.principal, 'firm.import'),
  };
  return {
    total,
    items: await firmViews(ctx.db, ctx.principal, rows, { whole: false, locale: ctx.locale }),
    actions,
  };
}

/**
 * One firm, whole, for the office over its town, the supervisors, its own staff and the cadre
 * paired with it (who calls its contacts to arrange visits).
 */
export async function getFirm(ctx: ServiceContext, id: string): Promise<Firm> {
  const { row } = await loadFirm(ctx, id, 'firm.read');
  const [view] = await firmViews(ctx.db, ctx.principal, [row], { whole: true, locale: ctx.locale });
  return view!;
}

/** The firm a firm's staff member belongs to (their portal's page); NOT_FOUND for any other account. */
export async function myFirm(ctx: ServiceContext): Promise<Firm> {
  const id = ctx.principal ? await firmOfMember(ctx.db, ctx.principal.userId) : undefined;
  if (!id) throw notFound('firm');
  const { row } = await loadFirm(ctx, id, 'firm.readOwn');
  const [view] = await firmViews(ctx.db, ctx.principal, [row], { whole: true, locale: ctx.locale });
  return view!;
}

import { and, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import { hasDistrictRole } from '../auth/principal.js';
import { loadConfig } from '../config.js';
import type { ServiceContext } from '../context.js';
import { forbidden } from '../errors.js';
import { chinaDayStart } from '../kernel/deadlines.js';
import { maskNumbersInText, maskPersonalJson } from '../privacy.js';
import { checkpointFile } from './checkpoint.js';
import { auditEvents } from './schema.js';
import { entityTitles } from './titles.js';
import { verifyAuditChain } from './verify.js';

/**
 * The district office and the district's discipline commission read the audit log; nobody writes
 * it by hand. The log is the whole district's (other towns' requests, every sign-in and its
 * address), so a town's admin or commission does not read it.
 */
const canReadAudit = (ctx: ServiceContext) =>
  hasDistrictRole(ctx.principal, 'admin') || hasDistrictRole(ctx.principal, 'supervisor');

export interface AuditQuery {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listAuditEvents(ctx: ServiceContext, q: AuditQuery) {
  if (!canReadAudit(ctx)) throw forbidden();
  const where: SQL[] = [];
  if (q.action) where.push(ilike(auditEvents.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.actor) where.push(eq(auditEvents.actorLabel, q.actor));
  // Plain dates are days in China, where the log is read: from the start of `from` to the start of `to`.
  if (q.from) where.push(gte(auditEvents.at, chinaDayStart(q.from)));
  if (q.to) where.push(lt(auditEvents.at, chinaDayStart(q.to)));
  // One row more than a page tells whether there is a next page without counting a large log.
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(q.pageSize + 1)
    .offset((q.page - 1) * q.pageSize);
  const page = rows.slice(0, q.pageSize);
  const titleOf = await entityTitles(ctx.db, page);
  return {
    hasMore: rows.length > q.pageSize,
    items: page.map((r) => {
      const entity = titleOf(r.entityType, r.entityId);
      return {
        id: r.id,
        seq: r.seq,
        at: r.at.toISOString(),
        // The chain keeps what happened as it was; the list shows it masked, as every list does: a
        // resident's login is their phone, and an account's creation records it with the person's name.
        actor: maskNumbersInText(r.actorLabel),
        actorIsSystem: r.actorId === null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        entityTitle: entity.title?.title ?? null,
        entityLink: entity.title?.link ?? null,
        entityKind: entity.title?.kind ?? null,
        entityGone: entity.gone,
        before: maskPersonalJson(r.before ?? null),
        after: maskPersonalJson(r.after ?? null),
        requestId: r.requestId,
        hash: r.hash,
      };
    }),
  };
}

export async function auditChainStatus(ctx: ServiceContext) {
  if (!canReadAudit(ctx)) throw forbidden();
  return verifyAuditChain(ctx.db, { toleranceMs: loadConfig().auditClockToleranceMs });
}

/** The signed checkpoints are public: anyone may keep a copy to check the chain against later. */
export const publicCheckpoints = (ctx: ServiceContext) => checkpointFile(ctx.db);

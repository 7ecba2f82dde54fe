import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden, notFound } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import { queryTerms } from '../../ideas/api.js';
import { unitBriefs } from '../../units/api.js';
import type { PublicReformCase, PublicReformCaseQuery, ReformCase } from '../contracts-cases.js';
import { canReform, mayEverReform } from '../policy.js';
import { reformCases, reformProjects } from '../schema.js';
import { iso } from './lookup.js';

type Row = { c: typeof reformCases.$inferSelect; p: typeof reformProjects.$inferSelect };

/** Cases with their projects, the lead unit's name and path; newest publication first, drafts last. */
async function casesWhere(db: Db, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const q = db
    .select({ c: reformCases, p: reformProjects })
    .from(reformCases)
    .innerJoin(reformProjects, eq(reformProjects.id, reformCases.projectId))
    .where(where)
    .orderBy(
      sql`${reformCases.publishedAt} desc nulls last`,
      desc(reformCases.createdAt),
      desc(reformCases.id),
    );
  const [rows, units] = await Promise.all([
    page ? q.limit(page.limit).offset(page.offset) : q,
    unitBriefs(db),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  return rows.map((r: Row) => ({
    view: caseView(r, byId.get(r.p.leadUnitId)?.name ?? ''),
    path: byId.get(r.p.leadUnitId)?.path ?? '',
  }));
}

const caseView = ({ c, p }: Row, leadUnit: string): ReformCase => ({
  id: c.id,
  projectId: p.id,
  projectCode: p.code,
  projectName: p.name,
  leadUnit,
  title: c.title,
  summary: c.summary,
  measures: c.measures,
  results: c.results,
  adoptedIn: c.adoptedIn,
  status: c.status,
  publishedAt: iso(c.publishedAt),
});

/** A published case as the public reads it: its text with phone and ID numbers masked. */
const publicOf = ({ status: _, ...c }: ReformCase): PublicReformCase => ({
  ...c,
  title: maskNumbersInText(c.title),
  summary: maskNumbersInText(c.summary),
  measures: maskNumbersInText(c.measures),
  results: maskNumbersInText(c.results),
});

/**
 * The words a query must all match, as the campaign's suggestion search does: jieba words of the
 * query against each case's stored words (a GIN index on them). A query of no word matches nothing.
 */
function matching(q: string | undefined): SQL | undefined {
  if (!q?.trim()) return undefined;
  const terms = queryTerms(q);
  if (terms.length === 0) return sql`false`;
  return sql`${reformCases.terms} @> array[${sql.join(
    terms.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
}

/** The public case library: published cases matching the search, a page of them. */
export async function publicCases(db: Db, q: PublicReformCaseQuery) {
  const where = and(eq(reformCases.status, 'published'), matching(q.q));
  const [rows, [count]] = await Promise.all([
    casesWhere(db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    db.select({ n: sql<number>`count(*)::int` }).from(reformCases).where(where),
  ]);
  return { items: rows.map((r) => publicOf(r.view)), total: count?.n ?? 0 };
}

export async function publicCase(db: Db, id: string): Promise<PublicReformCase> {
  const [row] = await casesWhere(db, and(eq(reformCases.id, id), eq(reformCases.status, 'published')));
  if (!row) throw notFound('case');
  return publicOf(row.view);
}

/** The cases the caller reads in the console, drafts included: those of projects in their scope. */
export async function listCases(ctx: ServiceContext) {
  if (!mayEverReform(ctx.principal, 'case.read')) throw forbidden();
  const rows = await casesWhere(ctx.db, undefined);
  return {
    items: rows.filter((r) => canReform(ctx.principal, 'case.read', { unitPath: r.path })).map((r) => r.view),
    actions: { create: mayEverReform(ctx.principal, 'case.write') },
  };
}

export async function getCase(ctx: ServiceContext, id: string): Promise<ReformCase> {
  if (!mayEverReform(ctx.principal, 'case.read')) throw forbidden();
  const [row] = await casesWhere(ctx.db, inArray(reformCases.id, [id]));
  if (!row || !canReform(ctx.principal, 'case.read', { unitPath: row.path })) throw notFound('case');
  return row.view;
}

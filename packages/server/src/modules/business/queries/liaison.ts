import { proposeLiaison } from '@qianxing/core/business';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { displayNames } from '../../users/api.js';
import type {
  CadreLoad,
  FirmLiaison,
  LiaisonPage,
  LiaisonProposal,
  LiaisonQuery,
  LiaisonRow,
} from '../contracts-liaison.js';
import { firmOfMember, loadFirmRow, townKinds } from '../lookup.js';
import { currentCadre } from '../pairs.js';
import { canLiaison, mayEverLiaison } from '../policy-liaison.js';
import { businessLiaisonIssues, businessLiaisonVisits } from '../schema.js';
import { catalogueName } from '../views.js';
import { listCategories } from './categories.js';
import { type LiaisonView, loadLiaisonView, type ViewFirm } from './liaison-view.js';

/** Overdue first (longest first), then coming, then the rest by due date; unpaired last. */
const severity = { overdue: 0, dueSoon: 1, ok: 2 } as const;
const byUrgency = (a: ViewFirm, b: ViewFirm) =>
  (a.due ? severity[a.due.state] : 3) - (b.due ? severity[b.due.state] : 3) ||
  (b.due?.daysOverdue ?? 0) - (a.due?.daysOverdue ?? 0) ||
  (a.due?.dueOn ?? '').localeCompare(b.due?.dueOn ?? '') ||
  a.name.localeCompare(b.name, 'zh-CN');

function loads(view: LiaisonView): CadreLoad[] {
  return view.cadres
    .map((c) => {
      const mine = view.firms.filter((f) => f.cadreId === c.id);
      return {
        id: c.id,
        name: c.name,
        unitName: view.units.get(c.unitId)?.name ?? '',
        firms: mine.length,
        overdue: mine.filter((f) => f.due?.state === 'overdue').length,
      };
    })
    .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The firms and their cadres as the office, the commission or a cadre sees them, with due visits. */
export async function listLiaison(ctx: ServiceContext, q: LiaisonQuery): Promise<LiaisonPage> {
  const view = await loadLiaisonView(ctx, 'liaison.read');
  const p = ctx.principal;
  const state = (f: ViewFirm) => f.due?.state ?? 'unpaired';
  const counts = { firms: view.firms.length, unpaired: 0, ok: 0, dueSoon: 0, overdue: 0 };
  for (const f of view.firms) counts[state(f)] += 1;
  const needle = q.q?.toLowerCase();
  const kept = view.firms
    .filter(
      (f) =>
        (!q.state || state(f) === q.state) &&
        (!q.cadreId || f.cadreId === q.cadreId) &&
        (!q.townId || f.townId === q.townId) &&
        (!needle || f.name.toLowerCase().includes(needle)),
    )
    .sort(byUrgency);
  const items: LiaisonRow[] = kept.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((f) => {
    const mine = view.own.has(f.id);
    return {
      firmId: f.id,
      firmName: f.name,
      townName: view.units.get(f.townId)?.name ?? '',
      industryName: view.industries.get(f.industryCode) ?? f.industryCode,
      cadreId: f.cadreId,
      cadreName: f.cadreId ? (view.names.get(f.cadreId) ?? '') : null,
      pairedOn: f.pairedOn,
      lastVisitOn: f.lastVisitOn,
      dueOn: f.due?.dueOn ?? null,
      state: f.due?.state ?? null,
      daysOverdue: f.due?.daysOverdue ?? 0,
      actions: { logVisit: mine, raise: mine },
    };
  });
  return {
    total: kept.length,
    items,
    counts,
    cadres: loads(view),
    settings: view.settings,
    actions: {
      assign: mayEverLiaison(p, 'liaison.assign'),
      configure: mayEverLiaison(p, 'liaison.configure'),
      remind: mayEverLiaison(p, 'liaison.remind'),
    },
  };
}

/**
 * A proposed cadre for every firm of the office's scope that has none, balanced and grouped by
 * town and industry (`proposeLiaison`); nothing is saved until the office applies it.
 */
export async function liaisonProposal(ctx: ServiceContext): Promise<LiaisonProposal> {
  const view = await loadLiaisonView(ctx, 'liaison.assign');
  const townsUnder = (unitId: string) => {
    const path = view.units.get(unitId)?.path ?? '';
    // A cadre whose unit is a town (or lies in one) prefers its firms; a district office's does not.
    return [...view.units.values()]
      .filter((u) => (u.path.startsWith(path) || path.startsWith(u.path)) && townKinds.includes(u.kind))
      .map((u) => u.id);
  };
  const proposal = proposeLiaison(
    view.firms,
    view.cadres.map((c) => ({ id: c.id, name: c.name, homeTownIds: townsUnder(c.unitId) })),
    view.firms.flatMap((f) => (f.cadreId ? [{ firmId: f.id, cadreId: f.cadreId }] : [])),
  );
  const firm = new Map(view.firms.map((f) => [f.id, f]));
  const proposed = new Map(proposal.pairs.map((p) => [p.firmId, p.cadreId]));
  const withProposal: LiaisonView = {
    ...view,
    firms: view.firms.map((f) => ({ ...f, cadreId: proposed.get(f.id) ?? null })),
  };
  return {
    pairs: proposal.pairs.map((p) => {
      const f = firm.get(p.firmId)!;
      return {
        firmId: f.id,
        firmName: f.name,
        townName: view.units.get(f.townId)?.name ?? '',
        industryName: view.industries.get(f.industryCode) ?? f.industryCode,
        cadreId: p.cadreId,
        kept: f.cadreId === p.cadreId,
      };
    }),
    cadres: loads(withProposal),
  };
}

/** A firm's cadre and the visits to it, newest first, with the issues raised and their requests. */
export async function firmLiaison(ctx: ServiceContext, firmId: string): Promise<FirmLiaison> {
  if (!mayEverLiaison(ctx.principal, 'visit.read')) throw notFound('firm');
  const { row, town } = await loadFirmRow(ctx, firmId);
  const p = ctx.principal!;
  const cadreId = await currentCadre(ctx.db, firmId);
  const resource = {
    townPath: town.path,
    paired: cadreId === p.userId,
    member: (await firmOfMember(ctx.db, p.userId)) === firmId,
  };
  if (!canLiaison(p, 'visit.read', resource)) throw notFound('firm');
  const visits = await ctx.db
    .select()
    .from(businessLiaisonVisits)
    .where(eq(businessLiaisonVisits.firmId, firmId))
    .orderBy(desc(businessLiaisonVisits.visitedOn), desc(businessLiaisonVisits.createdAt));
  const issues = visits.length
    ? await ctx.db
        .select()
        .from(businessLiaisonIssues)
        .where(
          inArray(
            businessLiaisonIssues.visitId,
            visits.map((v) => v.id),
          ),
        )
        .orderBy(asc(businessLiaisonIssues.seq))
    : [];
  const [names, categories] = await Promise.all([
    displayNames(ctx.db, [...visits.map((v) => v.cadreId), ...(cadreId ? [cadreId] : [])]),
    listCategories(ctx.db),
  ]);
  const categoryName = new Map(categories.map((c) => [c.code, catalogueName(c, ctx.locale)]));
  return {
    firmName: row.name,
    cadreName: cadreId ? (names.get(cadreId) ?? '') : null,
    visits: visits.map((v) => ({
      id: v.id,
      visitedOn: v.visitedOn,
      cadreName: names.get(v.cadreId) ?? '',
      attendees: v.attendees,
      topics: v.topics,
      issues: issues
        .filter((i) => i.visitId === v.id)
        .map((i) => ({
          title: i.title,
          body: i.body,
          categoryName: i.categoryCode ? (categoryName.get(i.categoryCode) ?? null) : null,
          requestId: i.requestId,
        })),
    })),
    actions: { logVisit: canLiaison(p, 'visit.log', resource) },
  };
}

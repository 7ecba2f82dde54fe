import { currentStage, landingCycleDays, projectStages, stalledDays } from '@qianxing/core/business';
import { and, asc, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitIdsUnder, unitsByIds } from '../../units/api.js';
import { displayNames } from '../../users/api.js';
import { firmsByIds } from '../api.js';
import type { ProjectDetail, ProjectList, ProjectSettings, ProjectView } from '../contracts-projects.js';
import { canProject, mayEverProject, projectScope } from '../policy-projects.js';
import { fundsTotals, loadProject, type ProjectRow, stageDatesOf, stageEntries } from '../projects/lookup.js';
import { businessProjectFunds, businessProjects } from '../schema.js';
import { listChains } from './industrial-chains.js';
import { projectSettings } from './project-settings.js';

/** The projects as the pages show them: names for every code and id, stage, cycle, stall flag. */
async function views(
  ctx: ServiceContext,
  rows: ProjectRow[],
  settings: ProjectSettings,
  today: string,
): Promise<ProjectView[]> {
  const ids = rows.map((r) => r.id);
  const [entries, funds, chains, people, units, firms] = await Promise.all([
    stageEntries(ctx.db, ids),
    fundsTotals(ctx.db, ids),
    listChains(ctx.db),
    displayNames(ctx.db, [...new Set(rows.map((r) => r.commissionerId))]),
    unitsByIds(
      ctx.db,
      rows.map((r) => r.leadUnitId),
    ),
    firmsByIds(
      ctx.db,
      rows.flatMap((r) => (r.firmId ? [r.firmId] : [])),
    ),
  ]);
  const chainName = new Map(chains.map((c) => [c.code, c.name]));
  return rows.map((row) => {
    const dates = stageDatesOf(row, entries.get(row.id) ?? []);
    const unit = units.get(row.leadUnitId);
    const resource = {
      unitPath: unit?.path ?? '',
      commissioner: row.commissionerId === ctx.principal?.userId,
    };
    return {
      id: row.id,
      name: row.name,
      investor: row.investor,
      firmId: row.firmId,
      firmName: row.firmId ? (firms.get(row.firmId)?.name ?? null) : null,
      amount: row.amount,
      chainCode: row.chainCode,
      chainName: chainName.get(row.chainCode) ?? row.chainCode,
      commissionerId: row.commissionerId,
      commissionerName: people.get(row.commissionerId) ?? '',
      leadUnitId: row.leadUnitId,
      leadUnitName: unit?.name ?? '',
      signedOn: row.signedOn,
      stage: currentStage(dates),
      stages: {
        signed: dates.signed,
        registered: dates.registered ?? null,
        started: dates.started ?? null,
        producing: dates.producing ?? null,
        effective: dates.effective ?? null,
      },
      landingDays: landingCycleDays(dates),
      stalled: stalledDays(dates, today, settings.stallDays),
      fundsInPlace: funds.get(row.id) ?? 0,
      actions: {
        update: canProject(ctx.principal, 'project.update', resource),
        recordStage: canProject(ctx.principal, 'project.recordStage', resource),
        recordFunds: canProject(ctx.principal, 'project.recordFunds', resource),
      },
    };
  });
}

/**
 * The projects the actor may read: those led by units of the subtrees where they are the office or
 * the commission, and those they are the service commissioner of. Newest signing first.
 */
export async function projectRows(ctx: ServiceContext, where?: SQL): Promise<ProjectRow[]> {
  const paths = projectScope(ctx.principal);
  const units = paths.length > 0 ? await unitIdsUnder(ctx.db, paths) : [];
  const readable = or(
    units.length > 0 ? inArray(businessProjects.leadUnitId, units) : undefined,
    eq(businessProjects.commissionerId, ctx.principal!.userId),
  );
  return ctx.db
    .select()
    .from(businessProjects)
    .where(and(readable, where))
    .orderBy(desc(businessProjects.signedOn), asc(businessProjects.name));
}

export async function listProjects(
  ctx: ServiceContext,
  query: { q?: string; chainCode?: string; stage?: string; stalled?: 'true' | 'false' },
): Promise<ProjectList> {
  const today = todayInChina();
  const settings = await projectSettings(ctx.db);
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await projectRows(
    ctx,
    and(
      query.chainCode ? eq(businessProjects.chainCode, query.chainCode) : undefined,
      like ? or(ilike(businessProjects.name, like), ilike(businessProjects.investor, like)) : undefined,
    ),
  );
  const items = (await views(ctx, rows, settings, today)).filter(
    (v) =>
      (!query.stage || v.stage === query.stage) &&
      (!query.stalled || (v.stalled !== null) === (query.stalled === 'true')),
  );
  return {
    items,
    asOf: today,
    settings,
    actions: {
      create: mayEverProject(ctx.principal, 'project.create'),
      configure: mayEverProject(ctx.principal, 'projectSettings.configure'),
      setEntities: mayEverProject(ctx.principal, 'entities.set'),
    },
  };
}

/** One project with its stage entries (corrections kept) and its funds with their running total. */
export async function projectDetail(ctx: ServiceContext, id: string): Promise<ProjectDetail> {
  const { row } = await loadProject(ctx, id, 'project.read');
  const [view] = await views(ctx, [row], await projectSettings(ctx.db), todayInChina());
  const entries = (await stageEntries(ctx.db, [id])).get(id) ?? [];
  const names = await displayNames(
    ctx.db,
    entries.flatMap((e) => (e.recordedBy ? [e.recordedBy] : [])),
  );
  const latest = new Map(entries.map((e) => [e.stage, e.id]));
  const funds = await ctx.db
    .select()
    .from(businessProjectFunds)
    .where(eq(businessProjectFunds.projectId, id))
    .orderBy(asc(businessProjectFunds.receivedOn), asc(businessProjectFunds.createdAt));
  let cumulative = 0;
  return {
    ...view!,
    history: entries
      .map((e) => ({
        stage: e.stage as (typeof projectStages)[number],
        reachedOn: e.reachedOn,
        note: e.note,
        recordedByName: e.recordedBy ? (names.get(e.recordedBy) ?? null) : null,
        recordedAt: e.createdAt.toISOString(),
        current: latest.get(e.stage) === e.id,
      }))
      .sort((a, b) => projectStages.indexOf(a.stage) - projectStages.indexOf(b.stage)),
    funds: funds.map((f) => {
      cumulative += f.amount;
      return { receivedOn: f.receivedOn, amount: f.amount, cumulative, note: f.note };
    }),
  };
}

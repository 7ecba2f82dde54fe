import { asc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { constraintOf } from '../../../db/sql-state.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden } from '../../../errors.js';
import { RowReport, runImport, type WorkbookBytes, type Written } from '../../../kernel/excel-import.js';
import { holdUnits, type UnitBrief, unitBriefs } from '../../units/api.js';
import { type ReformImportReport, ReformProjectInput } from '../contracts.js';
import { ledgerSheet, namedWithCode } from '../excel.js';
import { canReform } from '../policy.js';
import { milestonesOf } from '../queries/lookup.js';
import { reformLists, reformProjects, reformProjectUnits } from '../schema.js';
import { followState, tellFollowers } from './adoption-follow.js';
import { assignmentNotices, type ProjectUnits, tellUnits, unitStaff, unitsOf } from './assigned-notice.js';
import { renameInCases } from './case-common.js';

type Parsed = ReformProjectInput;
type Existing = Map<string, { row: typeof reformProjects.$inferSelect; coUnitIds: string[] }>;

/**
 * Units by name, by `name（code）` (as the export writes a name several units share) and by code;
 * a name two units share alone is ambiguous (`ambiguous_ledger_unit`, not the inspections'
 * `ambiguous_unit`: only the ledger takes `name（code）`, so only its words offer it).
 */
function unitFinder(units: UnitBrief[]) {
  const byName = new Map<string, UnitBrief[]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const byCode = new Map(units.map((u) => [u.code, u]));
  return (word: string): UnitBrief | 'unknown' | 'ambiguous' => {
    const named = byName.get(word) ?? [];
    if (named.length === 1) return named[0]!;
    if (named.length > 1) return 'ambiguous';
    const both = namedWithCode(word);
    if (both) {
      const u = byCode.get(both.code);
      return u && u.name === both.name ? u : 'unknown';
    }
    return byCode.get(word) ?? 'unknown';
  };
}

const placeholder = '00000000-0000-4000-8000-000000000000';
/** Columns of the sheet by the field a check names. */
const columnOf: Record<string, string> = { listId: 'list', leadUnitId: 'leadUnit', coUnitIds: 'coUnits' };

/**
 * One row's cells to a project, or undefined once its problems are in the report; the enumerated
 * cells already hold their codes (the sheet's choices).
 */
function parseRow(
  values: Record<string, string>,
  row: number,
  report: RowReport,
  lists: Map<string, string>,
  find: ReturnType<typeof unitFinder>,
): Parsed | undefined {
  const before = report.size;
  const unit = (word: string, field: string): string => {
    const u = find(word);
    if (u === 'unknown') report.add(row, field, 'unknown_unit', `no unit ${word}`, { value: word });
    else if (u === 'ambiguous')
      report.add(row, field, 'ambiguous_ledger_unit', `${word} names several units`, { value: word });
    return typeof u === 'string' ? placeholder : u.id;
  };
  const listId = lists.get(values.list ?? '');
  if (values.list && !listId)
    report.add(row, 'list', 'unknown_list', `no list ${values.list}`, { value: values.list });
  const coWords = (values.coUnits ?? '').split(/[、,，;；\s]+/).filter(Boolean);
  // An empty cell is a missing value, so zod names it `required`.
  const cell = (key: string) => values[key] || undefined;
  const result = ReformProjectInput.safeParse({
    code: cell('code'),
    name: cell('name'),
    listId: values.list ? (listId ?? placeholder) : undefined,
    source: cell('source'),
    leadUnitId: values.leadUnit ? unit(values.leadUnit, 'leadUnit') : undefined,
    coUnitIds: coWords.map((w) => unit(w, 'coUnits')),
    startDate: cell('startDate'),
    endDate: cell('endDate'),
    goal: values.goal ?? '',
    pilotLevel: values.pilotLevel || null,
    pilotStatus: values.pilotStatus || null,
  });
  if (!result.success)
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      report.addIssue(row, issue, columnOf[field] ?? field);
    }
  if (!result.success || report.size > before) return undefined;
  if (result.data.coUnitIds.includes(result.data.leadUnitId))
    return void report.add(row, 'coUnits', 'lead_unit_as_co_unit', 'the lead unit itself');
  return result.data;
}

/**
 * Imports the ledger by project code, all or nothing: one bad row rejects the file with every
 * problem listed by row and column, in the request's language. The header and the enumerated
 * cells may be in Chinese or English. Known codes change only where they differ, so the same file
 * twice changes nothing. The district's reform office imports. The units hear of it as of a
 * project made or changed by hand, in the import's transaction: each staff member of a unit given a
 * project to lead, or made its co-unit, gets one notice per project (it opens that project, which
 * the unit reports on or reads from then on), and a lead unit whose deadline moved is told so.
 */
export async function importProjects(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<ReformImportReport> {
  if (!canReform(ctx.principal, 'project.import')) throw forbidden();
  const lists = new Map((await ctx.db.select().from(reformLists)).map((l) => [l.name, l.id]));
  const units = await unitBriefs(ctx.db);
  const find = unitFinder(units);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const seen = new Map<string, number>();
  return runImport(
    ctx,
    { xlsx: await upload() },
    {
      sheet: ledgerSheet,
      row(values, row, report) {
        const parsed = parseRow(values, row, report, lists, find);
        const first = seen.get(values.code ?? '');
        if (first) report.add(row, 'code', 'duplicate_of_row', `duplicate of row ${first}`, { row: first });
        else if (values.code) seen.set(values.code, row);
        return parsed;
      },
      prepare: () => existingProjects(ctx),
      write: async (tx, rows, existing) =>
        writeProjects(tx, ctx, rows, await heldProjects(tx, rows, existing, seen, unitNames), seen),
    },
  );
}

async function existingProjects(ctx: ServiceContext): Promise<Existing> {
  const [rows, links] = await Promise.all([
    ctx.db.select().from(reformProjects),
    ctx.db.select().from(reformProjectUnits),
  ]);
  const out: Existing = new Map(rows.map((row) => [row.code, { row, coUnitIds: [] as string[] }]));
  const byId = new Map(rows.map((r) => [r.id, r.code]));
  for (const l of links) out.get(byId.get(l.projectId)!)!.coUnitIds.push(l.unitId);
  return out;
}

const sameUnits = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The known projects of the file, their rows held until the import commits and read again: a
 * plan saved or a date changed by hand since the checks is seen, and waits for the import after.
 * New dates leaving one of a project's milestones due outside them refuse that row, as the edit
 * by hand refuses them: a plan the lead unit could no longer save.
 */
async function heldProjects(
  tx: Tx,
  rows: Parsed[],
  existing: Existing,
  seen: Map<string, number>,
  unitNames: Map<string, string>,
): Promise<Existing> {
  await refuseCodesTaken(tx, rows, existing, seen);
  await refuseUnitsGone(tx, rows, seen, unitNames);
  const ids = rows.flatMap((p) => existing.get(p.code)?.row.id ?? []);
  if (!ids.length) return existing;
  // In one order, so two imports of overlapping files never hold rows the other waits for.
  const held = await tx
    .select()
    .from(reformProjects)
    .where(inArray(reformProjects.id, ids))
    .orderBy(asc(reformProjects.id))
    .for('no key update');
  const links = await tx.select().from(reformProjectUnits).where(inArray(reformProjectUnits.projectId, ids));
  const fresh: Existing = new Map(existing);
  const milestones = await milestonesOf(tx, ids);
  const report = new RowReport();
  for (const p of rows) {
    const id = existing.get(p.code)?.row.id;
    if (!id) continue;
    const row = held.find((r) => r.id === id);
    // Deleted since the checks: the code is free, and the row makes the project anew.
    if (!row) {
      fresh.delete(p.code);
      continue;
    }
    const coUnitIds = links.filter((l) => l.projectId === id).map((l) => l.unitId);
    fresh.set(p.code, { row, coUnitIds });
    if (row.startDate === p.startDate && row.endDate === p.endDate) continue;
    for (const m of milestones.filter((m) => m.projectId === id))
      if (m.dueDate < p.startDate || m.dueDate > p.endDate)
        report.add(
          seen.get(p.code)!,
          m.dueDate > p.endDate ? 'endDate' : 'startDate',
          'milestone_outside_period',
          `${m.name} is due on ${m.dueDate}`,
          { value: m.name, date: m.dueDate },
        );
  }
  report.throwIfAny();
  return fresh;
}

/**
 * The units the file gives projects to, held until the import commits: one deleted from the tree
 * since the checks refuses its rows, as the checks would have (the write would otherwise meet the
 * foreign key); a delete started after waits for the import and finds the unit in use.
 */
async function refuseUnitsGone(
  tx: Tx,
  rows: Parsed[],
  seen: Map<string, number>,
  unitNames: Map<string, string>,
): Promise<void> {
  const there = await holdUnits(
    tx,
    rows.flatMap((p) => [p.leadUnitId, ...p.coUnitIds]),
  );
  const report = new RowReport();
  const gone = (row: number, column: string, id: string) => {
    const word = unitNames.get(id) ?? id;
    report.add(row, column, 'unknown_unit', `no unit ${word}`, { value: word });
  };
  for (const p of rows) {
    const row = seen.get(p.code)!;
    if (!there.has(p.leadUnitId)) gone(row, 'leadUnit', p.leadUnitId);
    for (const id of p.coUnitIds) if (!there.has(id)) gone(row, 'coUnits', id);
  }
  report.throwIfAny();
}

/** Codes the file makes anew, taken by projects other users created since the checks: their rows refused. */
function refuseTaken(taken: Array<{ row: number; code: string }>): void {
  const report = new RowReport();
  for (const { row, code } of taken)
    report.add(row, 'code', 'taken', `project code ${code} was taken meanwhile`, { value: code });
  report.throwIfAny();
}

/**
 * The file's new codes, looked for again in the transaction: a project made by hand with one of
 * them since the checks refuses its row (the import would otherwise meet the unique index, or
 * change a project its maker has just written), and the file is imported again once looked at.
 */
async function refuseCodesTaken(
  tx: Tx,
  rows: Parsed[],
  existing: Existing,
  seen: Map<string, number>,
): Promise<void> {
  const codes = rows.flatMap((p) => (existing.has(p.code) ? [] : [p.code]));
  if (!codes.length) return;
  const taken = await tx
    .select({ code: reformProjects.code })
    .from(reformProjects)
    .where(inArray(reformProjects.code, codes));
  refuseTaken(taken.map(({ code }) => ({ row: seen.get(code)!, code })));
}

async function writeProjects(
  tx: Tx,
  ctx: ServiceContext,
  rows: Parsed[],
  existing: Existing,
  seen: Map<string, number>,
): Promise<Written<ReformImportReport>> {
  const created: string[] = [];
  const updated: Array<{ code: string; before: unknown; after: unknown }> = [];
  // What each project's units are to hear, as when the office makes or changes one by hand.
  const told: Array<{ before?: ProjectUnits; after: ProjectUnits & { id: string; name: string } }> = [];
  for (const { coUnitIds, ...p } of rows) {
    const old = existing.get(p.code);
    if (!old) {
      // One made by hand still uncommitted when the codes were looked for meets the index here.
      const [row] = await tx
        .insert(reformProjects)
        .values(p)
        .returning({ id: reformProjects.id })
        .catch((error: unknown) => {
          if (constraintOf(error) === 'reform_projects_code_key')
            refuseTaken([{ row: seen.get(p.code)!, code: p.code }]);
          throw error;
        });
      if (coUnitIds.length)
        await tx
          .insert(reformProjectUnits)
          .values(coUnitIds.map((unitId) => ({ projectId: row!.id, unitId })));
      created.push(p.code);
      told.push({ after: { ...p, id: row!.id, coUnitIds } });
      continue;
    }
    const changed = Object.fromEntries(
      Object.entries(p).filter(([k, v]) => old.row[k as keyof typeof old.row] !== v),
    );
    const unitsChanged = !sameUnits(old.coUnitIds, coUnitIds);
    if (!Object.keys(changed).length && !unitsChanged) continue;
    // New dates may move a project's status: the suggestions it came from hear of it, as after an edit.
    const followed = await followState(tx, old.row.id);
    if (Object.keys(changed).length)
      await tx
        .update(reformProjects)
        .set({ ...changed, updatedAt: new Date() })
        .where(eq(reformProjects.id, old.row.id));
    await tellFollowers(tx, old.row.id, followed);
    if (changed.name) await renameInCases(tx, old.row.id, p.name);
    if (unitsChanged) {
      await tx.delete(reformProjectUnits).where(eq(reformProjectUnits.projectId, old.row.id));
      if (coUnitIds.length)
        await tx
          .insert(reformProjectUnits)
          .values(coUnitIds.map((unitId) => ({ projectId: old.row.id, unitId })));
    }
    told.push({
      before: { ...old.row, coUnitIds: old.coUnitIds },
      after: { ...old.row, ...p, coUnitIds },
    });
    const before = Object.fromEntries(
      Object.keys(changed).map((k) => [k, old.row[k as keyof typeof old.row]]),
    );
    updated.push({
      code: p.code,
      before: unitsChanged ? { ...before, coUnitIds: old.coUnitIds } : before,
      after: unitsChanged ? { ...changed, coUnitIds } : changed,
    });
  }
  const who = await unitStaff(tx, ctx.principal!.userId, unitsOf(...told.map((n) => n.after)));
  await tellUnits(
    tx,
    told.flatMap((n) => assignmentNotices(n.before, n.after, who)),
  );
  const result = {
    created: created.length,
    updated: updated.length,
    unchanged: rows.length - created.length - updated.length,
  };
  return {
    result,
    audit: [
      {
        action: 'reformProject.import',
        entityType: 'reformProject',
        entityId: 'import',
        after: { ...result, created, updated },
      },
    ],
  };
}

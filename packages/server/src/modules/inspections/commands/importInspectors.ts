import { eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { RowReport, runImport, type WorkbookBytes, type Written } from '../../../kernel/excel-import.js';
import { firmIdsByCreditCodes } from '../../business/api.js';
import { steadyUnitTree, unitsByIds } from '../../units/api.js';
import { accountsByIds, userIdByLogin } from '../../users/api.js';
import type { ImportReport } from '../contracts.js';
import { inspectorColumns, inspectorReasons, noWords, splitList, weekdaysIn, yesWords } from '../excel.js';
import { canInspect } from '../policy.js';
import { inspectionConflicts, inspectionInspectors } from '../schema.js';
import { mayAtAll } from './common.js';
import { departmentFinder, firstOf } from './import-common.js';
import { inspectorsByMaskedLogin, isStaffOf, uniqueSorted, writeConflicts } from './inspector-common.js';

interface Parsed {
  row: number;
  login: string;
  unitId: string;
  qualifications: string[];
  workingDays: number[];
  conflictCodes: string[];
  active: boolean;
}
interface Resolved extends Omit<Parsed, 'conflictCodes'> {
  userId: string;
  conflictFirmIds: string[];
}
type Existing = Map<string, { row: typeof inspectionInspectors.$inferSelect; conflicts: string[] }>;

function parseRow(
  values: Record<string, string>,
  row: number,
  report: RowReport,
  find: (w: string, r: number, rep: RowReport) => { id: string } | undefined,
): Parsed | undefined {
  const before = report.size;
  if (!values.login) report.add(row, 'login', 'required', 'an account is required');
  if (!values.unit) report.add(row, 'unit', 'required', 'a department is required');
  const unit = values.unit ? find(values.unit, row, report) : undefined;
  const qualifications = splitList(values.qualifications ?? '');
  if (qualifications.some((q) => q.length > 100))
    report.add(row, 'qualifications', 'too_big_string', 'at most 100 characters each', { maximum: 100 });
  const workingDays = values.workingDays ? weekdaysIn(values.workingDays) : [1, 2, 3, 4, 5];
  if (!workingDays) report.add(row, 'workingDays', 'invalid_format', 'weekdays such as 一二三四五');
  const activeCell = values.active ?? '';
  if (activeCell && !yesWords.has(activeCell) && !noWords.has(activeCell))
    report.add(row, 'active', 'invalid_value', '是 or 否', { value: activeCell });
  if (report.size > before || !unit || !workingDays) return undefined;
  return {
    row,
    login: values.login!,
    unitId: unit.id,
    qualifications: uniqueSorted(qualifications),
    workingDays,
    conflictCodes: splitList(values.conflicts ?? ''),
    active: !noWords.has(activeCell),
  };
}

/**
 * Imports the inspectors by account, all or nothing: each row names an existing account (by its
 * login, or as the export masks an inspector's login that is their phone), not a disabled one, its department (in the importer's scope), qualifications, working days and the
 * firms it must not inspect by credit code. Known accounts change only where they differ.
 */
export async function importInspectors(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<ImportReport> {
  mayAtAll(ctx, 'inspector.write');
  const find = await departmentFinder(ctx, 'inspector.write');
  const paths = new Map(find.units().map((u) => [u.id, u.path]));
  const keeps = (unitId: string) =>
    canInspect(ctx.principal, 'inspector.write', { unitPaths: [paths.get(unitId) ?? ''] });
  const seen = new Map<string, number>();
  const resolved: Resolved[] = [];
  return runImport(
    ctx,
    { xlsx: await upload() },
    {
      sheet: { columns: inspectorColumns, requireRows: true, maxRows: 2000, reasons: inspectorReasons },
      row(values, row, report) {
        firstOf(seen, values.login ?? '', row, 'login', report);
        return parseRow(values, row, report, find);
      },
      async check(rows, report) {
        const firms = await firmIdsByCreditCodes(
          ctx.db,
          rows.flatMap((r) => r.conflictCodes),
        );
        const departments = await unitsByIds(
          ctx.db,
          rows.map((r) => r.unitId),
        );
        const masked = await inspectorsByMaskedLogin(ctx.db);
        for (const r of rows) {
          const userId = (await userIdByLogin(ctx.db, r.login)) ?? masked.get(r.login) ?? undefined;
          if (!userId)
            report.add(r.row, 'login', 'unknown_user', `no account ${r.login}`, { value: r.login });
          // A disabled account cannot sign in to inspect: the form refuses it, and so does the file.
          const disabled = !!userId && !!(await accountsByIds(ctx.db, [userId])).get(userId)?.disabled;
          if (disabled)
            report.add(r.row, 'login', 'account_disabled', `the account ${r.login} is disabled`, {
              value: r.login,
            });
          const staff = !!userId && (await isStaffOf(ctx.db, userId, departments.get(r.unitId)!));
          if (userId && !staff)
            report.add(r.row, 'login', 'not_department_staff', `${r.login} is not the department's staff`, {
              value: r.login,
            });
          const unknown = r.conflictCodes.find((c) => !firms.has(c));
          if (unknown)
            report.add(r.row, 'conflicts', 'unknown_firm', `no firm ${unknown}`, { value: unknown });
          if (userId && !disabled && staff && !unknown) {
            const { conflictCodes, ...rest } = r;
            resolved.push({ ...rest, userId, conflictFirmIds: conflictCodes.map((c) => firms.get(c)!) });
          }
        }
      },
      async prepare(_rows, report) {
        const existing = await inspectorsOf(
          ctx.db,
          resolved.map((r) => r.userId),
        );
        outsideScope(resolved, existing, keeps, report);
        return existing;
      },
      async write(tx) {
        // The file was checked without locks: an inspector moved to another department since
        // then, or an account disabled or no longer the department's staff, is checked again,
        // held (the unit tree steadied first, as in every transaction taking it, so the staff
        // check reads the departments and the roles' units where they stay; the inspectors, then
        // their accounts), as they are now.
        await steadyUnitTree(tx);
        const existing = await inspectorsOf(
          tx,
          resolved.map((r) => r.userId),
          true,
        );
        const report = new RowReport();
        outsideScope(resolved, existing, keeps, report);
        await changedMeanwhile(tx, resolved, report);
        report.throwIfAny();
        return writeInspectors(tx, resolved, existing);
      },
    },
  );
}

/** The inspectors of these accounts with their conflicts, by account; `lock` holds them. */
async function inspectorsOf(db: Db, userIds: readonly string[], lock = false): Promise<Existing> {
  const query = db
    .select()
    .from(inspectionInspectors)
    .where(inArray(inspectionInspectors.userId, [...userIds]));
  const rows = userIds.length === 0 ? [] : lock ? await query.for('update') : await query;
  const conflicts = rows.length
    ? await db
        .select()
        .from(inspectionConflicts)
        .where(
          inArray(
            inspectionConflicts.inspectorId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const existing: Existing = new Map();
  for (const row of rows) {
    const own = conflicts
      .filter((c) => c.inspectorId === row.id)
      .map((c) => c.firmId)
      .sort();
    existing.set(row.userId, { row, conflicts: own });
  }
  return existing;
}

/**
 * Refuses, holding the accounts until the import commits (a change of an account, its standing or
 * its roles, locks its row first), a row whose account is disabled now or no longer the staff of
 * the row's department.
 */
async function changedMeanwhile(tx: Tx, rows: readonly Resolved[], report: RowReport) {
  const accounts = await accountsByIds(
    tx,
    rows.map((r) => r.userId),
    true,
  );
  const departments = await unitsByIds(
    tx,
    rows.map((r) => r.unitId),
  );
  for (const r of rows) {
    if (accounts.get(r.userId)?.disabled !== false)
      report.add(r.row, 'login', 'account_disabled', `the account ${r.login} is disabled`, {
        value: r.login,
      });
    else if (!(await isStaffOf(tx, r.userId, departments.get(r.unitId)!)))
      report.add(r.row, 'login', 'not_department_staff', `${r.login} is not the department's staff`, {
        value: r.login,
      });
  }
}

/** Refuses a row of an inspector of a department outside the importer's scope. */
function outsideScope(
  rows: readonly Resolved[],
  existing: Existing,
  keeps: (unitId: string) => boolean,
  report: RowReport,
) {
  for (const r of rows) {
    const old = existing.get(r.userId);
    if (old && !keeps(old.row.unitId))
      report.add(r.row, 'login', 'outside_scope', `${r.login} is an inspector of another department`, {
        value: r.login,
      });
  }
}

const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

async function writeInspectors(tx: Tx, rows: Resolved[], existing: Existing): Promise<Written<ImportReport>> {
  const created: string[] = [];
  const updated: string[] = [];
  for (const r of rows) {
    const fields = {
      unitId: r.unitId,
      qualifications: r.qualifications,
      workingDays: r.workingDays,
      active: r.active,
    };
    const conflicts = uniqueSorted(r.conflictFirmIds);
    const old = existing.get(r.userId);
    if (!old) {
      const [row] = await tx
        .insert(inspectionInspectors)
        .values({ userId: r.userId, ...fields })
        .returning({ id: inspectionInspectors.id });
      await writeConflicts(tx, row!.id, conflicts);
      created.push(r.login);
      continue;
    }
    const changed =
      old.row.unitId !== r.unitId ||
      old.row.active !== r.active ||
      !same(old.row.qualifications, r.qualifications) ||
      !same(old.row.workingDays, r.workingDays);
    const conflictsChanged = !same(old.conflicts, conflicts);
    if (changed)
      await tx
        .update(inspectionInspectors)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(inspectionInspectors.id, old.row.id));
    if (conflictsChanged) await writeConflicts(tx, old.row.id, conflicts);
    if (changed || conflictsChanged) updated.push(r.login);
  }
  const result = {
    created: created.length,
    updated: updated.length,
    unchanged: rows.length - created.length - updated.length,
  };
  return {
    result,
    audit: [
      {
        action: 'inspector.import',
        entityType: 'inspector',
        entityId: 'import',
        after: { ...result, created, updated },
      },
    ],
  };
}

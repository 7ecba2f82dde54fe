import type { ServiceContext } from '../../../context.js';
import type { RowReport } from '../../../kernel/excel-import.js';
import { type UnitBrief, unitBriefs } from '../../units/api.js';
import { canInspect, type InspectionAction } from '../policy.js';

/**
 * A department named in a cell (by name, or by code when two share a name), reported when
 * unknown, not a department, or outside the importer's scope.
 */
export async function departmentFinder(ctx: ServiceContext, action: InspectionAction) {
  const units = await unitBriefs(ctx.db);
  const byName = new Map<string, UnitBrief[]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const find = (word: string, row: number, report: RowReport): UnitBrief | undefined => {
    const named = byName.get(word) ?? [];
    const unit = named.length === 1 ? named[0] : byCode.get(word);
    if (named.length > 1)
      return void report.add(row, 'unit', 'ambiguous_unit', `${word} names several units`, { value: word });
    if (!unit) return void report.add(row, 'unit', 'unknown_unit', `no unit ${word}`, { value: word });
    if (unit.kind !== 'department')
      return void report.add(row, 'unit', 'not_a_department', `${word} is not a department`, { value: word });
    if (!canInspect(ctx.principal, action, { unitPaths: [unit.path] }))
      return void report.add(row, 'unit', 'outside_scope', `${word} is outside your units`, { value: word });
    return unit;
  };
  return Object.assign(find, { units: () => units });
}

/** Refuses a row that repeats an earlier row's key. */
export function firstOf(
  seen: Map<string, number>,
  key: string,
  row: number,
  field: string,
  report: RowReport,
): void {
  const first = seen.get(key);
  if (first) report.add(row, field, 'duplicate_of_row', `duplicate of row ${first}`, { row: first });
  else if (key) seen.set(key, row);
}

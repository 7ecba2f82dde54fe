import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { unitsByIds } from '../../units/api.js';
import { holdersOver } from '../../users/api.js';
import { tell } from './notify-common.js';

/** A project's units and deadline, as far as what its units hear goes. */
export interface ProjectUnits {
  leadUnitId: string;
  coUnitIds: readonly string[];
  endDate: string;
}

/** Who hears of a project by unit: the staff over each unit, the one making the change left out; and its name. */
export interface UnitStaff {
  staff: Map<string, string[]>;
  names: Map<string, string>;
}

export interface UnitNotice {
  to: string[];
  key: string;
  params: Record<string, unknown>;
}

/** The units of these projects, lead and co-units, each once. */
export const unitsOf = (...projects: Array<ProjectUnits | undefined>): string[] => [
  ...new Set(projects.flatMap((p) => (p ? [p.leadUnitId, ...p.coUnitIds] : []))),
];

/** The `department_staff` over each of these units (but `actorId`), and the units' names. */
export async function unitStaff(
  db: Db,
  actorId: string | undefined,
  unitIds: readonly string[],
): Promise<UnitStaff> {
  const units = [...(await unitsByIds(db, unitIds)).values()];
  const holders = await holdersOver(
    db,
    'department_staff',
    units.map((u) => u.path),
  );
  return {
    staff: new Map(units.map((u) => [u.id, (holders.get(u.path) ?? []).filter((id) => id !== actorId)])),
    names: new Map(units.map((u) => [u.id, u.name])),
  };
}

/**
 * What a project's units hear of it being made (`before` undefined), by hand, for an adopted
 * suggestion or by the ledger's import, or changed, in the transaction of that change:
 * - a lead unit new to it, that it leads the project, with its deadline (`reforms.notice.assigned`):
 *   it reports on it from its first month; else, its deadline moved (`reforms.notice.deadlineMoved`);
 * - a co-unit new to it, that it works on the project with the lead unit, with its deadline
 *   (`reforms.notice.coAssigned`): its staff read the project's reports.
 * Each account hears once per project: staff over the lead unit are not told again of a co-unit
 * below them.
 */
export function assignmentNotices(
  before: ProjectUnits | undefined,
  after: ProjectUnits & { id: string; name: string },
  who: UnitStaff,
): UnitNotice[] {
  const project = { projectId: after.id, projectName: after.name };
  const lead = who.staff.get(after.leadUnitId) ?? [];
  const notices: UnitNotice[] = [];
  if (!before || before.leadUnitId !== after.leadUnitId)
    notices.push({
      to: lead,
      key: 'reforms.notice.assigned',
      params: { ...project, endDate: after.endDate },
    });
  else if (before.endDate !== after.endDate)
    notices.push({
      to: lead,
      key: 'reforms.notice.deadlineMoved',
      params: { ...project, from: before.endDate, to: after.endDate },
    });
  const added = after.coUnitIds.filter((u) => u !== after.leadUnitId && !before?.coUnitIds.includes(u));
  const co = [...new Set(added.flatMap((u) => who.staff.get(u) ?? []))].filter((u) => !lead.includes(u));
  notices.push({
    to: co,
    key: 'reforms.notice.coAssigned',
    params: { ...project, leadUnitName: who.names.get(after.leadUnitId) ?? '', endDate: after.endDate },
  });
  return notices.filter((n) => n.to.length > 0);
}

export async function tellUnits(tx: Tx, notices: readonly UnitNotice[]) {
  for (const n of notices) await tell(tx, n.to, n.key, n.params);
}

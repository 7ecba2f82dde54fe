import { hasDistrictRole, hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';

export type ReformAction =
  | 'ledger.read'
  | 'list.write'
  | 'project.import'
  | 'project.create'
  | 'project.assign'
  | 'project.deleteAdopted'
  | 'project.edit'
  | 'progress.correct'
  | 'report.read'
  | 'report.edit'
  | 'report.submit'
  | 'report.review'
  | 'battle.read'
  | 'battle.write'
  | 'case.read'
  | 'case.write'
  | 'suggestion.adopt';

/**
 * What a check needs: where the project's lead unit sits in the tree, where its co-units sit, and
 * the report's state for the report actions (undefined for one not yet written).
 */
export interface ReformResource {
  unitPath: string;
  coUnitPaths?: readonly string[];
  status?: string;
}

type R = ReformResource | undefined;

/**
 * Who acts in the reforms module, with the platform's existing roles:
 * - the reform office (区委改革办) is `admin`: the district's admin (at the root) keeps the lists
 *   and imports the ledger; an admin acts on the projects whose lead unit is in their scope;
 * - a lead unit is its `department_staff`, acting over their unit's subtree: they edit their own
 *   projects' goal, start date and co-units and their milestones' names and order, and write and
 *   submit the monthly reports. The end date, the milestones' due dates and weights, and adding or
 *   removing a milestone are the office's (`project.assign`): a deadline the lead unit moved
 *   itself would clear its own 滞后 status;
 * - a co-unit's staff read the reports of the projects they work on; `supervisor`s (纪委监委)
 *   read everything. The ledger itself is public, so every member of staff reads it.
 */
const districtWide = (p: Principal | null) => hasDistrictRole(p, 'admin');
const officeOver = (p: Principal | null, r: R) => !!r && hasRoleOver(p, 'admin', r.unitPath);
const leadUnit = (p: Principal | null, r: R) => !!r && hasRoleOver(p, 'department_staff', r.unitPath);
const coUnit = (p: Principal | null, r: R) =>
  !!r && (r.coUnitPaths ?? []).some((path) => hasRoleOver(p, 'department_staff', path));
/**
 * An admin above the lead unit reviews its reports: a street's admin reviews its communities'
 * but never the street's own, which its own staff wrote, so no unit approves its own reports; the
 * district office, with nobody above it, reviews everything.
 */
const reviewerOver = (p: Principal | null, r: R) =>
  !!r &&
  !!p &&
  p.grants.some(
    (g) =>
      g.role === 'admin' &&
      r.unitPath.startsWith(g.unitPath) &&
      (g.unitPath !== r.unitPath || hasDistrictRole(p, 'admin')),
  );
const supervisorOver = (p: Principal | null, r: R) => !!r && hasRoleOver(p, 'supervisor', r.unitPath);
const editable = (status?: string) => status === undefined || status === 'draft' || status === 'returned';

const staffOfLedger: Rule<R> = (p) =>
  hasRole(p, 'admin') || hasRole(p, 'supervisor') || hasRole(p, 'department_staff');
const reporting: Rule<R> = (p, r) => leadUnit(p, r) && editable(r?.status);

export const reformsPolicy = definePolicy<ReformAction, R>({
  'ledger.read': staffOfLedger,
  'list.write': districtWide,
  'project.import': districtWide,
  'project.create': officeOver,
  'project.assign': officeOver,
  // A project taken up from the campaign's suggestions is deleted only by the campaign's office
  // (the district's, who adopts): its citizens are told it was withdrawn, and why.
  'project.deleteAdopted': districtWide,
  'project.edit': (p, r) => officeOver(p, r) || leadUnit(p, r),
  // A wrong approval is the office's to undo, as the approval was: the lead unit's reports only
  // ever raise progress.
  'progress.correct': officeOver,
  'report.read': (p, r) =>
    officeOver(p, r) || leadUnit(p, r) || coUnit(p, r) || (!!r && hasRoleOver(p, 'supervisor', r.unitPath)),
  'report.edit': reporting,
  'report.submit': reporting,
  'report.review': (p, r) => reviewerOver(p, r) && r?.status === 'submitted',
  // Key battles: the district's reform office keeps them; the lead unit and supervisors read them
  // (the public reads them on the public site). The resource is the battle's lead unit.
  'battle.read': (p, r) => officeOver(p, r) || leadUnit(p, r) || supervisorOver(p, r),
  'battle.write': districtWide,
  // Cases: the office over the project's lead unit writes and publishes them; the lead unit and
  // supervisors read the drafts. The resource is the case's project.
  'case.read': (p, r) => officeOver(p, r) || leadUnit(p, r) || supervisorOver(p, r),
  'case.write': officeOver,
  // Adoption from the campaign: the office over the project's lead unit links a suggestion to it
  // (or creates the project for it). A battle's suggestions are `battle.write`'s.
  'suggestion.adopt': officeOver,
});

export const canReform = (p: Principal | null, action: ReformAction, r?: ReformResource): boolean =>
  reformsPolicy.can(p, action, r);

/** Some scope in which the principal may take `action` (menus, lists, early refusals). */
export const mayEverReform = (p: Principal | null, action: ReformAction): boolean =>
  // A review is of a submitted report of a unit below one's own; every other action is asked of
  // a record in no state yet, at the unit itself.
  reformsPolicy.mayEver(p, action, (unitPath) =>
    action === 'report.review' ? { unitPath: `${unitPath}below/`, status: 'submitted' } : { unitPath },
  );

/** The unit paths whose projects' reports the principal reads: all for the district office and supervisors. */
export function reportScope(p: Principal | null): readonly string[] | 'all' {
  if (!p) return [];
  const wide = p.grants.filter((g) => g.role === 'admin' || g.role === 'supervisor');
  if (wide.some((g) => g.unitPath.split('/').length <= 3)) return 'all';
  return p.grants
    .filter((g) => g.role === 'admin' || g.role === 'supervisor' || g.role === 'department_staff')
    .map((g) => g.unitPath);
}

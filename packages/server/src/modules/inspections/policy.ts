import { hasDistrictRole, hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';

export type InspectionAction =
  | 'pool.read'
  | 'item.write'
  | 'inspector.write'
  | 'risk.write'
  | 'task.read'
  | 'task.write'
  | 'plan.read'
  | 'plan.write'
  | 'figures.read'
  | 'visit.mine'
  | 'visit.inspect'
  | 'visit.read'
  | 'visit.reschedule'
  | 'visit.readToVerify'
  | 'visit.record'
  | 'visit.result'
  | 'visit.rate'
  | 'rectification.verify';

/**
 * What a check needs: the units the record belongs to (a department's item or inspector; the
 * departments of a task, several for a joint task), and a task's state.
 */
export interface InspectionResource {
  unitPaths: readonly string[];
  status?: string;
  /** A visit's team: the accounts of its inspectors. */
  team?: readonly string[];
  /** A visit of the caller's own firm (the service looked up the membership). */
  ownFirm?: boolean;
}

type R = InspectionResource | undefined;

/**
 * Who acts in the inspections module (双随机、一公开), with the platform's roles:
 * - a department's `department_staff` keep its inspection items and inspectors, and define,
 *   announce and draw its tasks; a joint task needs every one of its departments in their scope;
 * - the district office (`admin`) does all of that for the units in its scope, and the
 *   district's admin keeps the firms' risk levels;
 * - the district's `supervisor`s (纪委监委) read everything; the draws themselves are public;
 * - joint planning (综合查一次) crosses departments, so the district office makes, adjusts and
 *   publishes the plans, which staff and supervisors read;
 * - the figures per department and quarter: the district office and supervisors read all, a
 *   department's staff their own department's;
 * - a firm's staff (`enterprise`) see their own firm's published visits;
 * - an inspector is a department's staff account with an inspector's record: they see, start,
 *   record and complete only the visits whose team they are on; the district office and
 *   supervisors read any visit; the district office, which made and published the plan, moves a
 *   visit not yet started to another day (改期: weather, the firm closed, an inspector ill), the
 *   team staying the drawn one; a firm's staff read their own firm's completed visits, confirm
 *   the rectifications and rate the visit (once, and only once it is completed);
 * - a rectification the firm reported done is verified (accepted or returned, 整改验收) by the
 *   staff of the department whose item found the issue, which follows it up and answers for the
 *   check in law: on a joint visit each department verifies its own items, whether or not the
 *   account was on the team; the district office coordinates and does not verify for them. To
 *   verify, that department's staff read the completed visit's findings on their own items (with
 *   the photos), names and numbers masked as in the lists, whether or not they were on the team.
 */
const districtWide = (p: Principal | null) => hasDistrictRole(p, 'admin');
/** The district's commission; a town's reads no department's figures or visits. */
const districtSupervisor = (p: Principal | null) => hasDistrictRole(p, 'supervisor');
const keeper = (p: Principal | null, path: string) =>
  hasRoleOver(p, 'admin', path) || hasRoleOver(p, 'department_staff', path);
const keepsAll: Rule<R> = (p, r) => !!r && r.unitPaths.length > 0 && r.unitPaths.every((u) => keeper(p, u));
const onTeam: Rule<R> = (p, r) => !!p && !!r?.team?.includes(p.userId);
const ownFirm: Rule<R> = (p, r) => hasRole(p, 'enterprise') && r?.ownFirm === true;
/** A department's own staff over every unit given (not the office's admin). */
const departmentStaff: Rule<R> = (p, r) =>
  !!r && r.unitPaths.length > 0 && r.unitPaths.every((u) => hasRoleOver(p, 'department_staff', u));
const staff: Rule<R> = (p) =>
  hasRole(p, 'admin') || hasRole(p, 'supervisor') || hasRole(p, 'department_staff');

export const inspectionsPolicy = definePolicy<InspectionAction, R>({
  'pool.read': staff,
  'item.write': keepsAll,
  'inspector.write': keepsAll,
  'risk.write': districtWide,
  'task.read': staff,
  'task.write': keepsAll,
  'plan.read': staff,
  'plan.write': districtWide,
  // Figures are per department: the district office and supervisors read every department's,
  // a department's staff (or a street's admin) those of the units in their scope.
  'figures.read': (p, r) => districtWide(p) || districtSupervisor(p) || keepsAll(p, r),
  'visit.mine': (p) => hasRole(p, 'enterprise'),
  'visit.inspect': (p) => hasRole(p, 'department_staff'),
  'visit.read': (p, r) => onTeam(p, r) || districtWide(p) || districtSupervisor(p),
  'visit.reschedule': districtWide,
  'visit.record': onTeam,
  'visit.result': ownFirm,
  'visit.rate': (p, r) => ownFirm(p, r) && r?.status === 'completed',
  // The item's department: `unitPaths` holds the item's unit.
  'rectification.verify': departmentStaff,
  'visit.readToVerify': departmentStaff,
});

export const canInspect = (p: Principal | null, action: InspectionAction, r?: InspectionResource): boolean =>
  inspectionsPolicy.can(p, action, r);

/** Some scope in which the principal may take `action` (menus, early refusals). */
export const mayEverInspect = (p: Principal | null, action: InspectionAction): boolean =>
  inspectionsPolicy.mayEver(p, action, (unitPath) => ({ unitPaths: [unitPath] }));

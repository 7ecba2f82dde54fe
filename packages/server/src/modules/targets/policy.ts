import { hasDistrictRole, hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';

export type TargetAction =
  | 'library.read'
  | 'library.write'
  | 'plan.read'
  | 'plan.create'
  | 'plan.edit'
  | 'plan.submit'
  | 'plan.review'
  | 'plan.reopen'
  | 'report.read'
  | 'report.edit'
  | 'report.submit'
  | 'report.review'
  | 'scorecard.readDraft'
  | 'scorecard.compute'
  | 'scorecard.publish'
  | 'evaluation.summary'
  | 'regional.read'
  | 'regional.write'
  | 'settings.write';

/** What a plan or report check needs: where the unit sits in the tree and the record's state. */
export interface TargetResource {
  unitPath: string;
  status?: string;
  /** For a report: the status of its plan (a report needs an approved plan). */
  planStatus?: string;
}

export const editable = (status?: string) =>
  status === undefined || status === 'draft' || status === 'returned';

/** The unit itself (department_staff of it) or the office over it. */
const owns = (p: Principal | null, r: TargetResource) =>
  hasRoleOver(p, 'department_staff', r.unitPath) || hasRoleOver(p, 'admin', r.unitPath);

/**
 * The targets access table, deny by default. Units act on their own subtree; an admin reviews
 * the plans and reports of its subtree; only the district office (admin at the root) keeps the
 * library and settings and computes and publishes the district's scorecard, which it and the
 * district's commission read as drafts; the public reads published scorecards only, which takes
 * no policy.
 */
type Target = TargetResource | undefined;
const signedIn: Rule<Target> = (p) => !!p;
const office: Rule<Target> = (p) => hasDistrictRole(p, 'admin');
const officeOrSupervisor: Rule<Target> = (p) =>
  hasDistrictRole(p, 'admin') || hasDistrictRole(p, 'supervisor');
const readable: Rule<Target> = (p, r) => !!r && (owns(p, r) || hasRoleOver(p, 'supervisor', r.unitPath));
const editing: Rule<Target> = (p, r) => !!r && owns(p, r) && editable(r.status);
const reporting: Rule<Target> = (p, r) =>
  !!r && owns(p, r) && editable(r.status) && r.planStatus === 'approved';
/**
 * An admin above the unit: a street's admin reviews its communities but never the street's own
 * plan or report, which it may write itself (`owns`), so no unit approves its own targets; the
 * district office, with nobody above it, reviews everything under the root.
 */
const reviewerOf = (p: Principal | null, unitPath: string) =>
  !!p &&
  p.grants.some(
    (g) =>
      g.role === 'admin' &&
      unitPath.startsWith(g.unitPath) &&
      (g.unitPath !== unitPath || hasDistrictRole(p, 'admin')),
  );
const reviewing: Rule<Target> = (p, r) => !!r && reviewerOf(p, r.unitPath) && r.status === 'submitted';
/** The reviewer of a plan returns it, once approved, for revision (refused by the command once a quarter of its year is published). */
const reopening: Rule<Target> = (p, r) => !!r && reviewerOf(p, r.unitPath) && r.status === 'approved';

export const targetsPolicy = definePolicy<TargetAction, Target>({
  'library.read': signedIn,
  'regional.read': signedIn,
  'library.write': office,
  'regional.write': office,
  'settings.write': office,
  'scorecard.compute': office,
  'scorecard.publish': office,
  'scorecard.readDraft': officeOrSupervisor,
  'evaluation.summary': officeOrSupervisor,
  'plan.read': readable,
  'report.read': readable,
  'plan.create': (p, r) => !!r && owns(p, r),
  'plan.edit': editing,
  'plan.submit': editing,
  'report.edit': reporting,
  'report.submit': reporting,
  'plan.review': reviewing,
  'plan.reopen': reopening,
  'report.review': reviewing,
});

export const canTarget = (p: Principal | null, action: TargetAction, r?: TargetResource): boolean =>
  targetsPolicy.can(p, action, r);

/** Whether the actor sees every unit's records (office, supervisors) or only its own subtree. */
export function scopePaths(p: Principal | null): string[] | 'all' {
  if (!p) return [];
  const wide = p.grants.filter((g) => g.role === 'admin' || g.role === 'supervisor');
  if (wide.some((g) => g.unitPath.split('/').length <= 3)) return 'all';
  return p.grants
    .filter((g) => g.role === 'admin' || g.role === 'supervisor' || g.role === 'department_staff')
    .map((g) => g.unitPath);
}

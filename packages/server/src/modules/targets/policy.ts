import { hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';

export type TargetAction =
  | 'library.read'
  | 'library.write'
  | 'plan.read'
  | 'plan.create'
  | 'plan.edit'
  | 'plan.submit'
  | 'plan.review'
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

const editable = (status?: string) => status === undefined || status === 'draft' || status === 'returned';

/** The unit itself (department_staff of it) or the office over it. */
const owns = (p: Principal | null, r: TargetResource) =>
  hasRoleOver(p, 'department_staff', r.unitPath) || hasRoleOver(p, 'admin', r.unitPath);

/**
 * The targets access table, deny by default. Units act on their own subtree; only the campaign
 * office (admin) reviews, computes and publishes; supervisors read everything; the public reads
 * published scorecards only, which takes no policy.
 */
export function canTarget(p: Principal | null, action: TargetAction, r?: TargetResource): boolean {
  switch (action) {
    case 'library.read':
    case 'regional.read':
      return !!p;
    case 'library.write':
    case 'regional.write':
    case 'settings.write':
    case 'scorecard.compute':
    case 'scorecard.publish':
      return hasRole(p, 'admin');
    case 'scorecard.readDraft':
    case 'evaluation.summary':
      return hasRole(p, 'admin') || hasRole(p, 'supervisor');
    case 'plan.read':
    case 'report.read':
      return !!r && (owns(p, r) || hasRoleOver(p, 'supervisor', r.unitPath));
    case 'plan.create':
      return !!r && owns(p, r);
    case 'plan.edit':
    case 'plan.submit':
      return !!r && owns(p, r) && editable(r.status);
    case 'report.edit':
    case 'report.submit':
      return !!r && owns(p, r) && editable(r.status) && r.planStatus === 'approved';
    case 'plan.review':
    case 'report.review':
      return !!r && hasRoleOver(p, 'admin', r.unitPath) && r.status === 'submitted';
  }
}

/** Whether the actor sees every unit's records (office, supervisors) or only its own subtree. */
export function scopePaths(p: Principal | null): string[] | 'all' {
  if (!p) return [];
  const wide = p.grants.filter((g) => g.role === 'admin' || g.role === 'supervisor');
  if (wide.some((g) => g.unitPath.split('/').length <= 3)) return 'all';
  return p.grants
    .filter((g) => g.role === 'admin' || g.role === 'supervisor' || g.role === 'department_staff')
    .map((g) => g.unitPath);
}

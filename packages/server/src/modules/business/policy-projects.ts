import { hasDistrictRole, hasRoleOver, isStaff, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';

// ── 招商引资: investment projects and figures (part 8) ───────────────────────────────────────

export type ProjectAction =
  | 'project.list'
  | 'project.read'
  | 'project.create'
  | 'project.update'
  | 'project.recordStage'
  | 'project.recordFunds'
  | 'project.dashboard'
  | 'entities.set'
  | 'projectSettings.configure';

/**
 * What a project check needs: where its lead unit sits in the unit tree, and whether the actor is
 * its service commissioner (服务专员).
 */
export interface ProjectResource {
  unitPath: string;
  commissioner?: boolean;
}

/** The investment office: the platform's admin over the project's lead unit. */
const office: Rule<ProjectResource> = (p, r) => hasRoleOver(p, 'admin', r.unitPath);
/** The discipline commission reads every project of its scope and changes none. */
const oversees: Rule<ProjectResource> = (p, r) => hasRoleOver(p, 'supervisor', r.unitPath);
/** The project's own service commissioner, a staff account. */
const commissioner: Rule<ProjectResource> = (p, r) => r.commissioner === true && isStaff(p);
/** District-wide figures are kept by the office at a root of the unit tree. */
const districtOffice: Rule<ProjectResource> = (p) => hasDistrictRole(p, 'admin');

/**
 * Investment projects, deny by default: the office files and keeps them, the commissioner of a
 * project records its stages and funds, supervisors read; firms and the public see none of it.
 */
export const projectPolicy = definePolicy<ProjectAction, ProjectResource>({
  'project.list': (p, r) => office(p, r) || oversees(p, r) || commissioner(p, r),
  'project.read': (p, r) => office(p, r) || oversees(p, r) || commissioner(p, r),
  'project.create': office,
  'project.update': office,
  'project.recordStage': (p, r) => office(p, r) || commissioner(p, r),
  'project.recordFunds': (p, r) => office(p, r) || commissioner(p, r),
  // The dashboard adds up every project of the district: for the office and the commission.
  'project.dashboard': (p, r) => office(p, r) || oversees(p, r),
  'entities.set': districtOffice,
  'projectSettings.configure': districtOffice,
});

export const canProject = (p: Principal | null, action: ProjectAction, r: ProjectResource): boolean =>
  projectPolicy.can(p, action, r);

/** True when the actor may take `action` on some project (menus, and refusing a route early). */
export const mayEverProject = (p: Principal | null, action: ProjectAction): boolean =>
  projectPolicy.mayEver(p, action, (unitPath) => ({ unitPath, commissioner: true }));

/** The subtrees where the actor reads every project (beyond those they are commissioner of). */
export const projectScope = (p: Principal | null): string[] =>
  (p?.grants ?? [])
    .filter((g) => office(p, { unitPath: g.unitPath }) || oversees(p, { unitPath: g.unitPath }))
    .map((g) => g.unitPath);

import { hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';
import { defineWorkflow } from '../../kernel/workflow.js';
import type { Role } from '../users/api.js';
import { studyVisitStatuses } from './schema-study.js';

export type StudyAction =
  | 'study.read'
  | 'study.plan'
  | 'study.complete'
  | 'study.record'
  | 'study.report'
  | 'study.link'
  | 'session.organise'
  | 'session.attend';

/** What a check needs: where the visit's or session's organising unit sits, and the visit's status. */
export interface StudyResource {
  unitPath: string;
  status?: (typeof studyVisitStatuses)[number];
}

type R = StudyResource | undefined;

/** A visit goes planned → done (the trip is over) → reported (the learning report is in). */
export const studyVisitFlow = defineWorkflow({
  name: 'study visit',
  entity: 'studyVisit',
  states: studyVisitStatuses,
  transitions: {
    complete: { from: ['planned'], to: 'done' },
    report: { from: ['done'], to: 'reported' },
  },
});

/** The district's cadres: every staff role but the campaign's outside experts. */
export const cadreRoles: readonly Role[] = [
  'admin',
  'organiser',
  'screener',
  'department_staff',
  'supervisor',
  'liaison',
];

const cadre = (p: Principal | null) => !!p && p.grants.some((g) => cadreRoles.includes(g.role));
const officeOver = (p: Principal | null, r: R) => !!r && hasRoleOver(p, 'admin', r.unitPath);
const unitStaff = (p: Principal | null, r: R) => !!r && hasRoleOver(p, 'department_staff', r.unitPath);
const organiser: Rule<R> = (p, r) => officeOver(p, r) || unitStaff(p, r);
const inStatus =
  (...statuses: string[]): Rule<R> =>
  (p, r) =>
    organiser(p, r) && !!r?.status && statuses.includes(r.status);

/**
 * Study visits and learning sessions (跳出黔江看黔江), with the platform's roles:
 * - the reform office (`admin` over the organising unit) plans visits and sessions;
 * - the organising unit (its `department_staff`, or the office) records the trip done, the practices
 *   learned, the insights and the learning report while the visit is done, links practices to the
 *   projects they inspired once the trip is over, and keeps a session's materials and attendance;
 * - every cadre reads the visits and sessions (learning is shared) and marks their own attendance.
 */
export const studyPolicy = definePolicy<StudyAction, R>({
  'study.read': cadre,
  'study.plan': officeOver,
  'study.complete': inStatus('planned'),
  'study.record': inStatus('done'),
  'study.report': inStatus('done'),
  'study.link': inStatus('done', 'reported'),
  'session.organise': organiser,
  'session.attend': cadre,
});

export const canStudy = (p: Principal | null, action: StudyAction, r?: StudyResource): boolean =>
  studyPolicy.can(p, action, r);

/** The status in which an action is asked when no record is at hand (menus, early refusals). */
const askedIn: Partial<Record<StudyAction, StudyResource['status']>> = {
  'study.complete': 'planned',
  'study.record': 'done',
  'study.report': 'done',
  'study.link': 'done',
};

/** Some scope in which the principal may take `action`. */
export const mayEverStudy = (p: Principal | null, action: StudyAction): boolean =>
  studyPolicy.mayEver(p, action, (unitPath) => {
    const status = askedIn[action];
    return status ? { unitPath, status } : { unitPath };
  });

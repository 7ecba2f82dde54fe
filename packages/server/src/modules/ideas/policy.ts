import { hasDistrictRole, hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy } from '../../kernel/policy.js';

export type IdeaAction =
  | 'suggestion.staffRead'
  | 'suggestion.submitWritten'
  | 'suggestion.screen'
  | 'suggestion.import'
  | 'event.manage'
  | 'event.read'
  | 'review.manage'
  | 'review.shortlist'
  | 'review.score'
  | 'list.manage'
  | 'action.manage'
  | 'action.progress'
  | 'campaign.manage'
  | 'mine.read'
  | 'suggestion.follow'
  | 'suggestion.claim';

/** The public site's own people: a citizen's account or a firm's staff. */
const citizenOrFirm = (p: Principal | null) => hasRole(p, 'citizen') || hasRole(p, 'enterprise');

/**
 * Deny by default. `unitPath` is the suggestion's town (or the event organiser's, or the action
 * owner's unit): organisers and department staff act only inside their own subtree.
 */
export const ideasPolicy = definePolicy<IdeaAction, string>({
  'suggestion.staffRead': (p, u) =>
    hasRoleOver(p, 'admin', u) || hasRoleOver(p, 'screener', u) || hasRoleOver(p, 'organiser', u),
  'suggestion.submitWritten': (p, u) => hasRoleOver(p, 'admin', u) || hasRoleOver(p, 'organiser', u),
  'suggestion.screen': (p, u) =>
    hasRoleOver(p, 'admin', u) || hasRoleOver(p, 'screener', u) || hasRoleOver(p, 'organiser', u),
  'suggestion.import': (p, u) => hasRoleOver(p, 'admin', u) || hasRoleOver(p, 'organiser', u),
  'event.manage': (p, u) => hasRoleOver(p, 'admin', u) || hasRoleOver(p, 'organiser', u),
  // Every organiser reads the whole campaign's events (the list shows them all), to learn from the others'.
  'event.read': (p) => hasRole(p, 'admin') || hasRole(p, 'organiser'),
  // The expert review, the three lists and adoption are the campaign's, district-wide: the office
  // at the root of the tree. A town's admin screens and shortlists its own town's suggestions.
  'review.manage': (p) => hasDistrictRole(p, 'admin'),
  // Organisers nominate their towns' accepted suggestions for review (入围); the office too.
  'review.shortlist': (p, u) => hasRoleOver(p, 'admin', u) || hasRoleOver(p, 'organiser', u),
  'review.score': (p) => hasRole(p, 'expert'),
  'list.manage': (p) => hasDistrictRole(p, 'admin'),
  'action.manage': (p) => hasDistrictRole(p, 'admin'),
  'action.progress': (p, u) => hasRoleOver(p, 'admin', u) || hasRoleOver(p, 'department_staff', u),
  // Campaigns are district-wide: only the office (admin over a root unit) sets them up.
  'campaign.manage': (p) => hasDistrictRole(p, 'admin'),
  // 我的建议: a person's own suggestions and those they follow; attaching an anonymous one.
  'mine.read': citizenOrFirm,
  'suggestion.follow': citizenOrFirm,
  'suggestion.claim': citizenOrFirm,
});

export function canIdea(p: Principal | null, action: IdeaAction, unitPath = '/'): boolean {
  return ideasPolicy.can(p, action, unitPath);
}

/** True when the actor may do `action` somewhere (a route a role can never use is refused early). */
export function mayEver(p: Principal | null, action: IdeaAction): boolean {
  return ideasPolicy.mayEver(p, action, (unitPath) => unitPath);
}

import type { components } from '../../api/schema';
import type { Role } from '../../api/types';
import { consoleRequestPath } from '../business/requests';

type InboxItem = components['schemas']['InboxItem'];

/**
 * Campaign messages about a suggestion the public can read (it passed screening, or went on from
 * there): its page. The others (not accepted, merged into another, attached to the account) are
 * about a suggestion only its author sees, on the author's own list.
 */
const publicSuggestionNotices = new Set([
  'accepted',
  'adopted',
  'progress',
  'honoured',
  'listWithdrawn',
  'reformProject',
  'reformBattle',
  'reformProgress',
  'reformWithdrawn',
  'reformBattleDeleted',
  'reformBattleUnlinked',
]);

/** An inspector's messages about a visit of theirs (naming `visitId`): the visit's page. */
const inspectorVisitNotices = new Set([
  'inspections.notice.assigned',
  'inspections.notice.rectified',
  'inspections.notice.visitMovedTeam',
]);
/** A firm's messages about a completed visit of theirs (naming `visitId`): its results page. */
const firmVisitNotices = new Set([
  'inspections.notice.results',
  'inspections.notice.firmDueRecounted',
  'inspections.notice.rectificationAccepted',
  'inspections.notice.rectificationReturned',
]);

/**
 * A department's message about a rectification it follows up: the follow-up on the plans page,
 * not the visit's page, which a department reads only for the items it verifies.
 */
const followUpNotices = new Set(['inspections.notice.dueRecounted']);

/**
 * The page a message opens, from the object its data names: a firm's staff open the request a
 * `business.notice.*` message is about (`requestId`) on their firm's request page, a department's
 * staff and the office (an extension or an appeal to decide) in the drawer of the console's
 * requests page, which its address opens, but for a department the request left; a campaign
 * message (`ideas.notice.*`, naming `suggestionId`) opens the suggestion's public page, or the
 * author's own list while it is not public; a reform message (`reforms.notice.*`) the report
 * (`reportId`) or the project (`projectId`) it is about, in the console; a catch-up message the
 * plan (`targets.plan.*`, naming `planId`) or the quarterly report (`targets.report.*`,
 * `targets.notice.*`, naming `reportId`) it is about, in the console, or the quarter's public
 * leaderboard once published (`targets.scorecard.published`, naming `period`); an inspector's
 * notice of a visit assigned (`inspections.notice.assigned`, naming `visitId`) the visit's page,
 * as does an inspector's notice of a rectification the firm confirmed
 * (`inspections.notice.rectified`); a firm's notice of a visit's results
 * (`inspections.notice.results`), of one rectification's due date counted again
 * (`inspections.notice.firmDueRecounted`), or of a rectification accepted or returned with its
 * reason (`inspections.notice.rectificationAccepted`, `…Returned`) its visit's page for the firm, and of a visit planned
 * (`inspections.notice.visit`) or moved to another day (`…visitMoved`) the firm's page, which
 * lists its coming visits; an inspector's notice of a visit moved (`…visitMovedTeam`) the visit's
 * page, a department's (`…visitMovedDepartment`) the plans page; a department's
 * notice of a due date counted again (`inspections.notice.dueRecounted`) the rectifications'
 * follow-up on the plans page, and of a returned rectification reported again
 * (`inspections.notice.rectificationReportedAgain`) the list of what awaits its verification. A message
 * that names no page opens none: a recount's summary of several items (`…DueRecountedMany`)
 * names none of them.
 */
export function noticeLink(item: Pick<InboxItem, 'key' | 'params'>, roles: ReadonlySet<Role>): string | null {
  const { requestId, suggestionId, reportId, projectId, visitId, planId, period } = item.params;
  if (item.key.startsWith('business.notice.') && typeof requestId === 'string') {
    // The department a request left no longer reads it.
    if (item.key === 'business.notice.reroutedAway') return null;
    if (roles.has('enterprise')) return `/firm/requests/${encodeURIComponent(requestId)}`;
    if (roles.has('department_staff') || roles.has('admin')) return consoleRequestPath(requestId);
  }
  if (item.key.startsWith('ideas.notice.') && typeof suggestionId === 'string')
    return publicSuggestionNotices.has(item.key.slice('ideas.notice.'.length))
      ? `/ideas/${encodeURIComponent(suggestionId)}`
      : '/ideas/mine';
  if (item.key.startsWith('reforms.notice.')) {
    if (typeof reportId === 'string') return `/admin/reforms/reports/${encodeURIComponent(reportId)}`;
    if (typeof projectId === 'string') return `/admin/reforms/projects/${encodeURIComponent(projectId)}`;
  }
  if (item.key.startsWith('targets.notice.') && typeof reportId === 'string')
    return `/admin/targets/reports/${encodeURIComponent(reportId)}`;
  if (inspectorVisitNotices.has(item.key) && typeof visitId === 'string')
    return `/inspections/visits/${encodeURIComponent(visitId)}`;
  if (firmVisitNotices.has(item.key) && typeof visitId === 'string')
    return `/firm/visits/${encodeURIComponent(visitId)}`;
  if (item.key === 'inspections.notice.visit' || item.key === 'inspections.notice.visitMoved') return '/firm';
  if (item.key === 'inspections.notice.visitMovedDepartment') return '/admin/inspections/plans';
  if (followUpNotices.has(item.key)) return '/admin/inspections/plans';
  if (item.key === 'inspections.notice.rectificationReportedAgain') return '/admin/inspections/verify';
  if (item.key.startsWith('targets.plan.') && typeof planId === 'string')
    return `/admin/targets/plans/${encodeURIComponent(planId)}`;
  if (item.key.startsWith('targets.report.') && typeof reportId === 'string')
    return `/admin/targets/reports/${encodeURIComponent(reportId)}`;
  if (item.key === 'targets.scorecard.published' && typeof period === 'string')
    return `/targets/leaderboard?quarter=${encodeURIComponent(period)}`;
  return null;
}

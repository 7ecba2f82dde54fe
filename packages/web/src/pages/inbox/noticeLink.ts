import type { components } from '../../api/schema';
import type { Role } from '../../api/types';

type InboxItem = components['schemas']['InboxItem'];

/**
 * The page a message opens, from the object its data names (as a campaign's message names its
 * suggestion by `suggestionId`): a firm's staff open the request a `business.notice.*` message is
 * about (`requestId`) on their firm's request page. A message that names no page opens none.
 */
export function noticeLink(item: Pick<InboxItem, 'key' | 'params'>, roles: ReadonlySet<Role>): string | null {
  const { requestId } = item.params;
  if (item.key.startsWith('business.notice.') && typeof requestId === 'string' && roles.has('enterprise'))
    return `/firm/requests/${encodeURIComponent(requestId)}`;
  return null;
}

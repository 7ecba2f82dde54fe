import type { components } from '../../api/schema';

type InboxItem = components['schemas']['InboxItem'];

/**
 * Messages worded by a count the server names otherwise: the count is handed to i18next as
 * `count`, so that English says "1 working day" and a milestone due today says so instead of
 * "0 working days from now" (the wording's `_zero` and `_one` forms).
 */
const countedBy: Record<string, string> = {
  'reforms.notice.milestoneDue': 'workdaysLeft',
  'business.notice.extensionAsked': 'workdays',
};

/** A message's parameters as its wording takes them. */
export function noticeParams(item: Pick<InboxItem, 'key' | 'params'>): Record<string, unknown> {
  const name = countedBy[item.key];
  const count = name === undefined ? undefined : item.params[name];
  return typeof count === 'number' ? { ...item.params, count } : item.params;
}

import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type RequestSummary = Schemas['RequestSummary'];
export type RequestDetail = Schemas['RequestDetail'];
export type RequestStatus = Schemas['RequestStatus'];
export type RequestCategory = Schemas['RequestCategory'];
export type Answer = Schemas['Answer'];

/** The search parameter naming the request the console's drawer shows (useAddressedRequest). */
export const requestParam = 'request';

/** The console's requests page with the drawer of one request open: where a notice about it leads. */
export const consoleRequestPath = (id: string) =>
  `/admin/business/requests?${new URLSearchParams({ [requestParam]: id })}`;

/** The five levels of 好差评, worst first. */
export const scores = [1, 2, 3, 4, 5] as const;
export const isBad = (score: number) => score <= 2;

/** A status's tag colour: waiting for the office, with the department, to rate, rectifying, done, done unrated. */
export const statusColor: Record<RequestStatus, string> = {
  submitted: 'default',
  routed: 'processing',
  answered: 'gold',
  rectifying: 'red',
  closed: 'green',
  // 未评价办结: done, but without the firm's word on it.
  closed_unrated: 'default',
};

/**
 * How a due date reads: overdue by N working days (red), due today or within two (amber), N
 * working days left; nothing for a request that waits for no department.
 */
export function dueLabel(
  r: Pick<RequestSummary, 'dueState' | 'workdaysLeft'>,
): { key: string; days: number; color: string } | null {
  if (r.dueState === null || r.workdaysLeft === null) return null;
  if (r.dueState === 'overdue')
    // Due on the last working day before a weekend or holiday, it is overdue there with no
    // working day yet behind it: "overdue by 0 working days" would read as a mistake.
    return r.workdaysLeft < 0
      ? { key: 'business.requests.overdue', days: -r.workdaysLeft, color: 'red' }
      : { key: 'business.requests.overdueNow', days: 0, color: 'red' };
  if (r.workdaysLeft === 0) return { key: 'business.requests.dueToday', days: 0, color: 'orange' };
  return {
    key: 'business.requests.daysLeft',
    days: r.workdaysLeft,
    color: r.dueState === 'due_soon' ? 'orange' : 'blue',
  };
}

/** The answer the firm rates now: the latest, while it has no rating. */
export const answerToRate = (d: Pick<RequestDetail, 'answers'>): Answer | undefined => {
  const last = d.answers.at(-1);
  return last && !last.rating ? last : undefined;
};

/** The bad rating a department may appeal: the latest bad one not yet appealed. */
export const ratingToAppeal = (d: Pick<RequestDetail, 'answers'>) =>
  d.answers
    .map((a) => a.rating)
    .filter((r): r is NonNullable<Answer['rating']> => !!r && isBad(r.score) && !r.appeal)
    .at(-1);

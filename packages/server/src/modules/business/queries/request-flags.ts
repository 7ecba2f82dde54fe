import { and, eq, exists, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { dueWithin, overdue, todayInChina } from '../../../kernel/deadlines.js';
import type { RequestFlag } from '../contracts-requests.js';
import {
  businessAppeals,
  businessRatings,
  businessRectifications,
  businessRequestRepeats,
  businessRequests,
  businessSupervision,
} from '../schema.js';

/**
 * The flags that say what the discipline commission did (督办), for those who read the supervision
 * alone (`supervision.read`): the others say what the firm sees on its request's page.
 */
export const supervisionFlags: ReadonlySet<RequestFlag> = new Set(['reminded']);

/** Working days within which a due date counts as near on the dashboard. */
const SOON = 2;

const openRectification = (extra?: SQL) =>
  exists(
    sql`(select 1 from ${businessRectifications} where ${and(
      eq(businessRectifications.requestId, businessRequests.id),
      eq(businessRectifications.status, 'open'),
      extra,
    )})`,
  );

/**
 * The filter of one flag, as of `today` (China Standard Time): an answer or a rectification past
 * its due date, or due within two working days; a rating of 1 or 2 (kept even when appealed: the
 * record is never rewritten); a rectification under way; an appeal waiting for the office; a
 * formal reminder (督办) the department that holds the request has not acknowledged (one closed
 * by a re-route, or with the request when it closed, counts for no one); a request raising again an issue its
 * firm raised within the year before (the text engine's near-duplicate decision).
 */
export function flagFilter(flag: RequestFlag, today = todayInChina()): SQL {
  const routed = eq(businessRequests.status, 'routed');
  switch (flag) {
    case 'overdue':
      return or(
        and(routed, overdue(businessRequests.dueOn, today)),
        openRectification(overdue(businessRectifications.dueOn, today)),
      )!;
    case 'dueSoon':
      return or(
        and(routed, dueWithin(businessRequests.dueOn, SOON, today)),
        openRectification(dueWithin(businessRectifications.dueOn, SOON, today)),
      )!;
    case 'badRating':
      return exists(
        sql`(select 1 from ${businessRatings} where ${and(
          eq(businessRatings.requestId, businessRequests.id),
          lte(businessRatings.score, 2),
        )})`,
      );
    case 'rectifying':
      return openRectification();
    case 'reminded':
      return exists(
        sql`(select 1 from ${businessSupervision} where ${and(
          eq(businessSupervision.requestId, businessRequests.id),
          eq(businessSupervision.kind, 'reminder'),
          // Only against the department it was addressed to, which holds the request and sees it.
          eq(businessSupervision.departmentId, businessRequests.departmentId),
          isNull(businessSupervision.acknowledgedAt),
          isNull(businessSupervision.closedAt),
        )})`,
      );
    case 'repeated':
      return inArray(
        businessRequests.id,
        sql`(select ${businessRequestRepeats.requestId} from ${businessRequestRepeats})`,
      );
    case 'appeal':
      return inArray(
        businessRequests.id,
        sql`(select ${businessAppeals.requestId} from ${businessAppeals} where ${eq(businessAppeals.status, 'pending')})`,
      );
  }
}

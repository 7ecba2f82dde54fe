import type { Tx } from '../../../db/transaction.js';
import { deliver } from '../../../kernel/notifications.js';
import { maskNumbersInText } from '../../../privacy.js';
import { unitsByIds } from '../../units/api.js';
import { holdersOver } from '../../users/api.js';
import { firmMemberIds } from '../members.js';

/** The message keys of a request's steps for the department's staff (`business.notice.<key>`). */
export type DepartmentNoticeKey =
  | 'routed'
  | 'routedWithNote'
  | 'extensionApproved'
  | 'extensionRefused'
  | 'ratedBad'
  | 'appealUpheld'
  | 'appealUpheldClosed'
  | 'appealDismissed'
  | 'reminded'
  | 'closedUnrated'
  | 'reroutedAway';

/**
 * The message keys of a request's steps for the firm's staff: what changes what the firm waits
 * for (who holds its request and by when, the answer, the outcome of an appeal of its rating).
 */
export type FirmNoticeKey =
  | 'firmRouted'
  | 'firmRerouted'
  | 'firmRoutedCategoryCorrected'
  | 'firmReroutedCategoryCorrected'
  | 'answered'
  | 'firmExtended'
  | 'rectified'
  | 'firmAppealUpheld'
  | 'firmAppealUpheldClosed'
  | 'firmAppealDismissed'
  | 'firmClosedUnrated'
  | 'firmRaisedByCadre'
  | 'firmRaisedAtVisit';

/** The message keys of what waits for the office's decision (`business.notice.<key>`). */
export type OfficeNoticeKey = 'extensionAsked' | 'appealRaised';

interface About {
  requestId: string;
  title: string;
  /** The department that holds the request; none before it is routed. */
  departmentId?: string;
  extra?: Record<string, unknown>;
}

/**
 * A notice's data, which the web app words under `business.notice`: the request's id (the inbox
 * opens the request from it), its title with numbers masked as in the request lists (a notice is
 * a list line in an inbox), and the department by name, never by code. Nothing of a person.
 */
async function noticeParams(tx: Tx, about: About) {
  const { departmentId } = about;
  const unit = departmentId ? (await unitsByIds(tx, [departmentId])).get(departmentId) : undefined;
  return {
    requestId: about.requestId,
    title: maskNumbersInText(about.title),
    ...(departmentId ? { department: unit?.name ?? '' } : {}),
    ...about.extra,
  };
}

/**
 * The department staff who act on each department's requests, by department id: those granted at
 * it or at a unit above it, as the request policy lets them act (`hasRoleOver`).
 */
export async function departmentStaff(
  tx: Tx,
  departmentIds: readonly string[],
): Promise<Map<string, string[]>> {
  const units = await unitsByIds(tx, departmentIds);
  const over = await holdersOver(
    tx,
    'department_staff',
    [...units.values()].map((u) => u.path),
  );
  return new Map(departmentIds.map((id) => [id, over.get(units.get(id)?.path ?? '') ?? []]));
}

/**
 * Tells every department_staff account over the department, in the step's transaction, but for
 * those in `except` (staff told otherwise of the same step); answers whom it told.
 */
export async function tellDepartment(
  tx: Tx,
  key: DepartmentNoticeKey,
  about: About & { departmentId: string },
  except: readonly string[] = [],
): Promise<string[]> {
  const staff = (await departmentStaff(tx, [about.departmentId])).get(about.departmentId) ?? [];
  const told = staff.filter((userId) => !except.includes(userId));
  await tellUsers(tx, told, key, about);
  return told;
}

/** One business notice, `business.notice.<key>` with the request's params, to each of these accounts. */
async function tellUsers(tx: Tx, userIds: readonly string[], key: string, about: About) {
  const params = await noticeParams(tx, about);
  await deliver(
    tx,
    userIds.map((userId) => ({ userId, key: `business.notice.${key}`, params })),
  );
}

/**
 * Tells the office that decides the step (every admin over the firm's town, as the request
 * policy's `office` reads a grant), in the step's transaction.
 */
export async function tellOffice(
  tx: Tx,
  townPath: string,
  key: OfficeNoticeKey,
  about: About & { departmentId: string },
) {
  await tellUsers(tx, (await holdersOver(tx, 'admin', [townPath])).get(townPath) ?? [], key, about);
}

/** Tells every member of the firm's staff, in the step's transaction. */
export async function tellFirm(tx: Tx, firmId: string, key: FirmNoticeKey, about: About) {
  await tellUsers(tx, await firmMemberIds(tx, firmId), key, about);
}

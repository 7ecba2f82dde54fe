import type { Tx } from '../../../db/transaction.js';
import { deliver } from '../../../kernel/notifications.js';
import { maskNumbersInText } from '../../../privacy.js';
import { unitsByIds } from '../../units/api.js';
import { holdersAt } from '../../users/api.js';
import { firmMemberIds } from '../members.js';

/** The message keys of a request's steps; the web app words each under `business.notice`. */
export type RequestNoticeKey =
  | 'routed'
  | 'answered'
  | 'extensionApproved'
  | 'extensionRefused'
  | 'ratedBad'
  | 'rectified'
  | 'appealUpheld'
  | 'appealDismissed'
  | 'reminded';

interface About {
  title: string;
  departmentId: string;
  extra?: Record<string, unknown>;
}

async function noticeParams(tx: Tx, about: About) {
  const unit = (await unitsByIds(tx, [about.departmentId])).get(about.departmentId);
  // A notice is a list line in an inbox: numbers in the title masked as in the request lists.
  return { title: maskNumbersInText(about.title), department: unit?.name ?? '', ...about.extra };
}

/** Tells every department_staff account of the department, in the step's transaction. */
export async function tellDepartment(tx: Tx, key: RequestNoticeKey, about: About) {
  const staff = await holdersAt(tx, 'department_staff', about.departmentId);
  const params = await noticeParams(tx, about);
  await deliver(
    tx,
    staff.map((userId) => ({ userId, key: `business.notice.${key}`, params })),
  );
}

/** Tells every member of the firm's staff, in the step's transaction. */
export async function tellFirm(tx: Tx, firmId: string, key: RequestNoticeKey, about: About) {
  const members = await firmMemberIds(tx, firmId);
  const params = await noticeParams(tx, about);
  await deliver(
    tx,
    members.map((userId) => ({ userId, key: `business.notice.${key}`, params })),
  );
}

import type { Tx } from '../../../db/transaction.js';
import { notifications } from '../../../kernel/schema.js';
import { maskNumbersInText } from '../../../privacy.js';
import { unitsByIds } from '../../units/api.js';
import { departmentStaff } from '../commands/notify.js';
import { firmMemberIds } from '../members.js';
import type { DemoRequestRows } from './demo-requests.js';

const RECENT_DAYS = 60;
const UNREAD_DAYS = 14;
const DAY = 86_400_000;

/**
 * The messages the live module would have sent for the demo's recent requests, which the seed
 * writes as rows rather than through the commands: a department's staff told of each request
 * routed to them, a firm's staff of the routing (the department and the due date) and of each
 * answer, dated as the step was and read once two weeks old, so that the inbox (`/inbox`) reads as
 * it would after months of use. Their data is the commands' (commands/notify.ts): the request's
 * id, its title with numbers masked, the department's name.
 */
export async function seedRequestInbox(tx: Tx, rows: DemoRequestRows, now = new Date()): Promise<void> {
  const since = now.getTime() - RECENT_DAYS * DAY;
  const requests = new Map(rows.requests.map((r) => [r.id!, r]));
  const steps = rows.events.filter(
    (e) =>
      (e.kind === 'routed' || e.kind === 'answered') && e.departmentId && e.createdAt!.getTime() >= since,
  );
  const departmentIds = [...new Set(steps.map((e) => e.departmentId!))];
  const departments = await unitsByIds(tx, departmentIds);
  const staff = await departmentStaff(tx, departmentIds);
  const members = new Map<string, string[]>();
  const values: Array<typeof notifications.$inferInsert> = [];
  for (const e of steps) {
    const request = requests.get(e.requestId)!;
    const toDepartment = staff.get(e.departmentId!) ?? [];
    const firmStaff =
      members.get(request.firmId) ??
      members.set(request.firmId, await firmMemberIds(tx, request.firmId)).get(request.firmId)!;
    const at = e.createdAt!;
    const params = {
      requestId: e.requestId,
      title: maskNumbersInText(request.title),
      department: departments.get(e.departmentId!)?.name ?? '',
    };
    const told: Array<[string[], string, Record<string, unknown>]> =
      e.kind === 'routed'
        ? [
            [toDepartment, 'routed', params],
            [firmStaff, 'firmRouted', { ...params, dueOn: e.data?.dueOn }],
          ]
        : [[firmStaff, 'answered', params]];
    for (const [to, key, data] of told)
      for (const userId of to)
        values.push({
          userId,
          key: `business.notice.${key}`,
          params: data,
          createdAt: at,
          readAt: now.getTime() - at.getTime() > UNREAD_DAYS * DAY ? new Date(at.getTime() + DAY) : null,
        });
  }
  for (let i = 0; i < values.length; i += 500)
    await tx.insert(notifications).values(values.slice(i, i + 500));
}

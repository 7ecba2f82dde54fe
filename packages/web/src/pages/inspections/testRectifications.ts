import { id } from '../../test-support';
import type { InspectionRectification } from './shared';

/** For the follow-up tests: a rectification the firm reported done, awaiting the department's verdict. */
export const reportedRectification = (
  over: Partial<InspectionRectification> = {},
): InspectionRectification => ({
  findingId: id(301),
  visitId: id(101),
  date: '2026-11-16',
  firm: '黔江丁商贸有限公司',
  item: '消防安全管理检查',
  unit: '区市场监管局',
  requirement: '更换过期灭火器',
  dueDate: '2026-12-20',
  workdaysLeft: null,
  overdue: false,
  dueProvisional: null,
  stage: 'reported',
  rectifiedAt: '2026-12-01T08:00:00.000Z',
  rectificationNote: '已更换全部灭火器',
  verifiedAt: null,
  returnReason: null,
  allowed: ['accept', 'return'],
  ...over,
});

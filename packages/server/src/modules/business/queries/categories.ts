import { asc } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import type { RequestCategory } from '../contracts-requests.js';
import { businessRequestCategories } from '../schema.js';

/** The categories a district starts with: each with 5 working days to answer and 15 to rectify. */
export const defaultCategories = [
  { code: 'policy', name: '政策咨询', nameEn: 'Policy enquiry' },
  { code: 'approval', name: '审批服务', nameEn: 'Permits and approvals' },
  { code: 'factors', name: '要素保障', nameEn: 'Land, power, water and labour' },
  { code: 'finance', name: '融资服务', nameEn: 'Finance' },
  { code: 'market', name: '市场监管', nameEn: 'Market regulation' },
  { code: 'infrastructure', name: '基础设施', nameEn: 'Infrastructure' },
  { code: 'other', name: '其他诉求', nameEn: 'Other' },
];

const columns = {
  code: businessRequestCategories.code,
  name: businessRequestCategories.name,
  nameEn: businessRequestCategories.nameEn,
  answerWorkdays: businessRequestCategories.answerWorkdays,
  rectifyWorkdays: businessRequestCategories.rectifyWorkdays,
  sort: businessRequestCategories.sort,
  active: businessRequestCategories.active,
};

const inOrder = (db: Db) =>
  db
    .select(columns)
    .from(businessRequestCategories)
    .orderBy(asc(businessRequestCategories.sort), asc(businessRequestCategories.code));

/**
 * The request categories in their order, retired ones included. Like the industries, an empty
 * list is filled with the defaults the first time it is read, not by a migration, so a freshly
 * migrated database holds no row for a restore; nor by the demo seed, which a real district never
 * runs. The fill is audited like any other change of the list (`requestCategory.seedDefaults`, by
 * the system), in its own transaction: of two first reads at once, only the one that inserted the
 * rows records it.
 */
export async function listCategories(db: Db): Promise<RequestCategory[]> {
  const rows = await inOrder(db);
  if (rows.length > 0) return rows;
  await transaction(db, async (tx) => {
    const added = await tx
      .insert(businessRequestCategories)
      .values(defaultCategories.map((c, i) => ({ ...c, sort: i + 1 })))
      .onConflictDoNothing()
      .returning(columns);
    if (added.length > 0)
      await audit(tx, systemActor('defaults'), {
        action: 'requestCategory.seedDefaults',
        entityType: 'requestCategory',
        entityId: 'defaults',
        after: { categories: added },
      });
  });
  return inOrder(db);
}

export { columns as categoryColumns };

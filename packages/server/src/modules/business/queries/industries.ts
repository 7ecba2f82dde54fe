import { asc } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import type { Industry } from '../contracts.js';
import { industrySections } from '../industry-sections.js';
import { businessIndustries } from '../schema.js';

const columns = {
  code: businessIndustries.code,
  name: businessIndustries.name,
  nameEn: businessIndustries.nameEn,
  sort: businessIndustries.sort,
  active: businessIndustries.active,
};

const inOrder = (db: Db) =>
  db
    .select(columns)
    .from(businessIndustries)
    .orderBy(asc(businessIndustries.sort), asc(businessIndustries.code));

/**
 * The industry list in its order, retired ones included (firms filed under them still show
 * them). An empty list is filled with the GB/T 4754-2017 sections the first time it is needed,
 * not by a migration: a freshly migrated database then holds no row, as a restore requires. The
 * fill is audited like any other change of the list (`industry.seedDefaults`, by the system), in
 * its own transaction: of two first uses at once, only the one that inserted the rows records it.
 */
export async function listIndustries(db: Db): Promise<Industry[]> {
  const rows = await inOrder(db);
  if (rows.length > 0) return rows;
  await transaction(db, async (tx) => {
    const added = await tx
      .insert(businessIndustries)
      .values(industrySections.map((s, i) => ({ ...s, sort: i + 1 })))
      .onConflictDoNothing()
      .returning(columns);
    if (added.length > 0)
      await audit(tx, systemActor('defaults'), {
        action: 'industry.seedDefaults',
        entityType: 'industry',
        entityId: 'defaults',
        after: { industries: added },
      });
  });
  return inOrder(db);
}

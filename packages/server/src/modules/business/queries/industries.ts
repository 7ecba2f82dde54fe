import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
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
 * not by a migration: a freshly migrated database then holds no row, as a restore requires. Two
 * first uses at once insert nothing twice.
 */
export async function listIndustries(db: Db): Promise<Industry[]> {
  const rows = await inOrder(db);
  if (rows.length > 0) return rows;
  await db
    .insert(businessIndustries)
    .values(industrySections.map((s, i) => ({ ...s, sort: i + 1 })))
    .onConflictDoNothing();
  return inOrder(db);
}

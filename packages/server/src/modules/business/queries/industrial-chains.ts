import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { IndustrialChain } from '../contracts-projects.js';
import { businessIndustrialChains } from '../schema.js';

/**
 * The seven industrial-chain working groups the district starts with (a plausible set for
 * Qianjiang's industries; the office renames or retires them).
 */
export const initialChains = [
  { code: 'materials', name: '新型材料', nameEn: 'New materials' },
  { code: 'biomedicine', name: '生物医药', nameEn: 'Biomedicine' },
  { code: 'food', name: '特色食品', nameEn: 'Specialty foods' },
  { code: 'manufacturing', name: '智能制造', nameEn: 'Smart manufacturing' },
  { code: 'tourism', name: '文旅康养', nameEn: 'Culture, tourism and wellness' },
  { code: 'logistics', name: '现代物流', nameEn: 'Modern logistics' },
  { code: 'electronics', name: '电子信息', nameEn: 'Electronics and IT' },
] as const;

export const chainColumns = {
  code: businessIndustrialChains.code,
  name: businessIndustrialChains.name,
  nameEn: businessIndustrialChains.nameEn,
  sort: businessIndustrialChains.sort,
  active: businessIndustrialChains.active,
};

const inOrder = (db: Db) =>
  db
    .select(chainColumns)
    .from(businessIndustrialChains)
    .orderBy(asc(businessIndustrialChains.sort), asc(businessIndustrialChains.code));

/**
 * The industrial chains in their order, retired ones included. An empty list is filled with the
 * initial seven the first time it is needed, not by a migration (a restore starts empty); two
 * first uses at once insert nothing twice.
 */
export async function listChains(db: Db): Promise<IndustrialChain[]> {
  const rows = await inOrder(db);
  if (rows.length > 0) return rows;
  await db
    .insert(businessIndustrialChains)
    .values(initialChains.map((c, i) => ({ ...c, sort: i + 1 })))
    .onConflictDoNothing();
  return inOrder(db);
}

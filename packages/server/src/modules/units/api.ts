/**
 * What other modules may use of `units`: the unit tree, read through these functions (or grown by
 * `createUnit`, which authorises like the route), and the table itself only for foreign keys
 * (`references(() => units.id)`), never to query.
 */
import { and, asc, eq, inArray, isNull, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Tx } from '../../db/transaction.js';
import { steadyUnitTree } from './commands/tree-lock.js';
import { units } from './schema.js';

export { createUnit } from './commands/createUnit.js';
export type { Unit, UnitKind } from './contracts.js';
/** The units as the tree shows them: each after its parent, siblings by their order, then by name. */
export { inTreeOrder } from './excel.js';
export { getUnit, listUnits } from './queries/units.js';
export { unitKinds, units } from './schema.js';
/**
 * In a transaction whose authority rests on where units sit: a change of the tree's shape under
 * way is waited for, and none starts until it ends (a shared lock; such transactions never wait
 * for one another).
 */
export { steadyUnitTree };

export interface UnitBrief {
  id: string;
  path: string;
  kind: string;
  code: string;
  name: string;
}

/** The columns of a unit in brief. */
const brief = { id: units.id, path: units.path, kind: units.kind, code: units.code, name: units.name };

/** Every unit in brief (the tree has hundreds of rows at most). */
export async function unitBriefs(db: Db): Promise<UnitBrief[]> {
  return db.select(brief).from(units).orderBy(asc(units.path));
}

/** The units with these ids, by id (an unknown id is simply absent). */
export async function unitsByIds(db: Db, ids: readonly string[]): Promise<Map<string, UnitBrief>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select(brief).from(units).where(inArray(units.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Of these unit ids, those still in the tree, each row held (`key share`) until the caller's
 * transaction ends: a write naming them by key (its foreign key) then meets no unit deleted
 * meanwhile, since a delete waits for it, or went before and is seen. In one order, so two such
 * writes never wait for each other in a circle.
 */
export async function holdUnits(tx: Db, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await tx
    .select({ id: units.id })
    .from(units)
    .where(inArray(units.id, unique))
    .orderBy(asc(units.id))
    .for('key share');
  return new Set(rows.map((r) => r.id));
}

/**
 * Of these unit ids, those still in the tree, in brief, where they stay until the caller's
 * transaction ends: a move, delete or import of units under way is waited for and then seen, and
 * none starts before the caller commits. For a write whose authority rests on where the units
 * sit, such as a role given on them by an admin of their subtree.
 */
export async function holdUnitPlaces(tx: Tx, ids: readonly string[]): Promise<Map<string, UnitBrief>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  await steadyUnitTree(tx);
  const rows = await tx
    .select(brief)
    .from(units)
    .where(inArray(units.id, unique))
    .orderBy(asc(units.id))
    .for('key share');
  return new Map(rows.map((r) => [r.id, r]));
}

/** The ids of every unit in the subtrees at `paths` (each path included). */
export async function unitIdsUnder(db: Db, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(or(...paths.map((p) => sql`starts_with(${units.path}, ${p})`)));
  return rows.map((r) => r.id);
}

/** The unit with this code, or undefined. */
export async function unitByCode(db: Db, code: string): Promise<UnitBrief | undefined> {
  const [row] = await db.select(brief).from(units).where(eq(units.code, code));
  return row;
}

/** The oldest root of the tree, of any kind, or undefined when the tree is empty. */
export async function oldestRoot(db: Db): Promise<{ id: string } | undefined> {
  const [root] = await db
    .select({ id: units.id })
    .from(units)
    .where(isNull(units.parentId))
    .orderBy(asc(units.createdAt))
    .limit(1);
  return root;
}

/** The district at the root of the tree (the oldest root of kind district), or undefined. */
export async function districtRoot(db: Db): Promise<{ id: string } | undefined> {
  const [root] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(isNull(units.parentId), eq(units.kind, 'district')))
    .orderBy(asc(units.createdAt))
    .limit(1);
  return root;
}

/**
 * The path of the unit whose id `unitId` yields, as a subquery another module selects within its
 * own query (sign-in reads each grant's scope with the account, in one round trip).
 */
export function unitPathOf(unitId: SQLWrapper): SQL<string> {
  return sql<string>`(select ${units.path} from ${units} where ${units.id} = ${unitId})`;
}
export { unitAuditTitles } from './queries/audit-titles.js';

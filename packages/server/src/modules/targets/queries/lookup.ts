import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import type { Unit } from '../../units/api.js';
import { getUnit, inTreeOrder, listUnits } from '../../units/api.js';

/** Units by id, through the units module's service (never its table). */
export async function unitMap(db: Db): Promise<Map<string, Unit>> {
  return new Map((await listUnits(db)).map((u) => [u.id, u]));
}

/**
 * Compares two units by their place in the unit tree, as the units page shows it (each after its
 * parent, siblings by their order), then by name: the order of every list of units here.
 */
export function byUnitTree(units: Map<string, Unit>): (a: string, b: string) => number {
  const place = new Map(inTreeOrder([...units.values()]).map((u, k) => [u.id, k]));
  const at = (id: string) => place.get(id) ?? Number.MAX_SAFE_INTEGER;
  const name = (id: string) => units.get(id)?.name ?? '';
  return (a, b) => at(a) - at(b) || name(a).localeCompare(name(b), 'zh-CN');
}

export async function unitOrNotFound(db: Db, id: string): Promise<Unit> {
  return getUnit(db, id).catch(() => {
    throw notFound('unit');
  });
}

/** Ranking groups of 季度晾晒: departments apart from towns, subdistricts and townships. */
export function unitCategory(kind: Unit['kind']): 'department' | 'town' | 'other' {
  if (kind === 'department') return 'department';
  if (kind === 'town' || kind === 'subdistrict' || kind === 'township') return 'town';
  return 'other';
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** Quarter "2026Q3" → { year: 2026, quarter: 3 }. */
export function splitQuarter(period: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  return { year: Number(period.slice(0, 4)), quarter: Number(period.slice(5)) as 1 | 2 | 3 | 4 };
}

/** A quarter in words: 2026Q4 → 2026年第4季度, or Q4 2026 in English (as the pages name it). */
export function quarterWords(period: string, locale: 'zh-CN' | 'en'): string {
  const { year, quarter } = splitQuarter(period);
  return locale === 'en' ? `Q${quarter} ${year}` : `${year}年第${quarter}季度`;
}

export function previousQuarter(period: string): string {
  const { year, quarter } = splitQuarter(period);
  return quarter === 1 ? `${year - 1}Q4` : `${year}Q${quarter - 1}`;
}

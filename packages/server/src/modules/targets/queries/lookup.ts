import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import type { Unit } from '../../units/api.js';
import { getUnit, listUnits } from '../../units/api.js';

/** Units by id, through the units module's service (never its table). */
export async function unitMap(db: Db): Promise<Map<string, Unit>> {
  return new Map((await listUnits(db)).map((u) => [u.id, u]));
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

export function previousQuarter(period: string): string {
  const { year, quarter } = splitQuarter(period);
  return quarter === 1 ? `${year - 1}Q4` : `${year}Q${quarter - 1}`;
}

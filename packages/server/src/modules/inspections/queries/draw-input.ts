import { DrawError, type DrawInput, drawInspections } from '@qianxing/core/draw';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../errors.js';
import type { UnitBrief } from '../../units/api.js';
import { accountsByIds } from '../../users/api.js';
import { inspectionConflicts, inspectionFirmProfiles, inspectionInspectors, riskLevels } from '../schema.js';

/** What a task asks of the pools. */
export interface TaskSpec {
  units: readonly UnitBrief[];
  /** The qualifications its items need and those it adds. */
  qualifications: readonly string[];
  sample: Record<string, number>;
  inspectorsPerVisit: number;
}

/** The draw's input without its seed: frozen at the announcement, published with the hash. */
export type FrozenInput = Omit<DrawInput, 'seed'>;

const fail = (path: string, code: string, message: string, params: Record<string, string | number>) =>
  new AppError('VALIDATION', message, [{ path, message, code, params }]);

/**
 * The pools of a task as the draw reads them: every firm with a risk level, the active
 * inspectors of the task's departments whose accounts are not disabled (the department by name),
 * and their declared conflicts with those firms as exclusions. Ids are the records' ids; all
 * lists in id order. With `hold`, in a write's transaction, the firms', inspectors' and their
 * accounts' rows read stay locked until it commits: a change of risk or of duty (conflicts
 * included), or an account disabled, waits for it.
 */
export async function frozenInput(db: Db, spec: TaskSpec, hold = false): Promise<FrozenInput> {
  const names = new Map(spec.units.map((u) => [u.id, u.name]));
  const firmQuery = db
    .select({ id: inspectionFirmProfiles.firmId, risk: inspectionFirmProfiles.risk })
    .from(inspectionFirmProfiles)
    .orderBy(asc(inspectionFirmProfiles.firmId));
  const firms = hold ? await firmQuery.for('share') : await firmQuery;
  const inspectorQuery = db
    .select()
    .from(inspectionInspectors)
    .where(
      and(
        inArray(
          inspectionInspectors.unitId,
          spec.units.map((u) => u.id),
        ),
        eq(inspectionInspectors.active, true),
      ),
    )
    .orderBy(asc(inspectionInspectors.id));
  const enrolled = hold ? await inspectorQuery.for('share') : await inspectorQuery;
  // An inspector whose account was disabled after enrolment cannot sign in to inspect; held too,
  // so an account disabled while the announcement is written waits for it.
  const accounts = await accountsByIds(
    db,
    enrolled.map((p) => p.userId),
    hold,
  );
  const inspectors = enrolled.filter((p) => accounts.get(p.userId)?.disabled === false);
  const conflicts = inspectors.length
    ? await db
        .select()
        .from(inspectionConflicts)
        .where(
          inArray(
            inspectionConflicts.inspectorId,
            inspectors.map((p) => p.id),
          ),
        )
        .orderBy(asc(inspectionConflicts.inspectorId), asc(inspectionConflicts.firmId))
    : [];
  const pooled = new Set(firms.map((f) => f.id));
  return {
    firms,
    inspectors: inspectors.map((p) => ({
      id: p.id,
      department: names.get(p.unitId) ?? p.unitId,
      qualifications: p.qualifications,
    })),
    exclusions: conflicts
      .filter((c) => pooled.has(c.firmId))
      .map((c) => ({ inspector: c.inspectorId, firm: c.firmId })),
    sample: Object.fromEntries(riskLevels.map((level) => [level, spec.sample[level] ?? 0])),
    inspectorsPerVisit: spec.inspectorsPerVisit,
    qualifications: [...spec.qualifications],
  };
}

/**
 * Refuses, with a reason the web app words, a task the pools cannot serve: more firms of a level
 * than it holds, a qualification no inspector of the task holds, or firms for which no team can
 * be made (too few inspectors, or all of them in conflict). These checks do not depend on the
 * seed, so a task that passes here draws whatever seed is revealed.
 */
export function checkDrawable(input: FrozenInput): void {
  for (const level of riskLevels) {
    const want = input.sample[level] ?? 0;
    const pool = input.firms.filter((f) => f.risk === level).length;
    if (want > pool)
      throw fail(
        `sample.${level}`,
        'too_few_firms',
        `${want} ${level}-risk firms asked, ${pool} in the pool`,
        {
          level,
          wanted: want,
          pool,
        },
      );
  }
  const held = new Set(input.inspectors.flatMap((p) => p.qualifications ?? []));
  const missing = (input.qualifications ?? []).find((q) => !held.has(q));
  if (missing)
    throw fail('qualifications', 'no_qualified_inspector', `no inspector of the task holds ${missing}`, {
      qualification: missing,
    });
  const size = input.inspectorsPerVisit ?? 2;
  if (input.inspectors.length < size)
    throw fail(
      'inspectorsPerVisit',
      'too_few_inspectors',
      `${size} per visit, ${input.inspectors.length} in the pool`,
      {
        wanted: size,
        pool: input.inspectors.length,
      },
    );
  try {
    drawInspections({ ...input, seed: 'feasibility' });
  } catch (error) {
    if (!(error instanceof DrawError)) throw error;
    throw fail('inspectorsPerVisit', 'no_qualified_team', error.message, { wanted: size });
  }
}

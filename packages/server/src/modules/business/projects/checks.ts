import { staffRoles } from '../../../auth/principal.js';
import type { ServiceContext } from '../../../context.js';
import { AppError, type FieldError } from '../../../errors.js';
import { unitsByIds } from '../../units/api.js';
import { accountsWithRoles } from '../../users/api.js';
import { firmsByIds } from '../api.js';
import type { ProjectPatch } from '../contracts-projects.js';
import { listChains } from '../queries/industrial-chains.js';

/** The accounts that may serve as a project's commissioner: enabled staff, by name. */
export const commissionerCandidates = (ctx: ServiceContext) => accountsWithRoles(ctx.db, staffRoles);

/**
 * Refuses references a project cannot take, every fault at once and nothing written: a chain
 * not in use, a commissioner who is no enabled staff account, a lead unit or firm that does not
 * exist. Answers the lead unit (its path decides who may act on the project).
 */
export async function checkProjectRefs(ctx: ServiceContext, input: ProjectPatch) {
  const faults: FieldError[] = [];
  const fault = (path: string, code: string) =>
    faults.push({ path, message: code.replaceAll('_', ' '), code });
  if (input.chainCode !== undefined) {
    const chain = (await listChains(ctx.db)).find((c) => c.code === input.chainCode);
    if (!chain?.active) fault('chainCode', 'unknown_chain');
  }
  if (input.commissionerId !== undefined) {
    const staff = await commissionerCandidates(ctx);
    if (!staff.some((s) => s.id === input.commissionerId)) fault('commissionerId', 'not_a_commissioner');
  }
  const unit = input.leadUnitId
    ? (await unitsByIds(ctx.db, [input.leadUnitId])).get(input.leadUnitId)
    : undefined;
  if (input.leadUnitId !== undefined && !unit) fault('leadUnitId', 'unknown_unit');
  if (input.firmId) {
    if (!(await firmsByIds(ctx.db, [input.firmId])).has(input.firmId)) fault('firmId', 'unknown_firm');
  }
  if (faults.length > 0) throw new AppError('VALIDATION', 'the project names what does not exist', faults);
  return unit;
}

import { eq } from 'drizzle-orm';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Industry, IndustryInput, IndustryUpdate } from '../contracts.js';
import { canBusiness } from '../policy.js';
import { listIndustries } from '../queries/industries.js';
import { businessIndustries } from '../schema.js';

const columns = {
  code: businessIndustries.code,
  name: businessIndustries.name,
  nameEn: businessIndustries.nameEn,
  sort: businessIndustries.sort,
  active: businessIndustries.active,
};

const industryTaken = (code: string) =>
  new AppError('CONFLICT', `industry ${code} exists`, [{ path: 'code', message: 'taken', code: 'taken' }]);

/** Adds an industry to the list (a finer division the district files firms under, say). */
export const createIndustry = defineCommand({
  name: 'industry.create',
  async load(ctx, input: IndustryInput) {
    if (!canBusiness(ctx.principal, 'industry.manage', { townPath: '/' })) throw forbidden();
    // The sections are there first, so an addition never stands in for the whole list.
    const taken = (await listIndustries(ctx.db)).some((i) => i.code === input.code);
    if (taken) throw industryTaken(input.code);
    return input;
  },
  async write(tx, _ctx, input) {
    const [row] = await tx
      .insert(businessIndustries)
      .values(input)
      .returning(columns)
      .catch(refuseOnUniqueViolation(() => industryTaken(input.code)));
    return { result: row as Industry, audit: { entityType: 'industry', entityId: input.code, after: input } };
  },
});

/** Renames, reorders or retires an industry; a retired one takes no new firms and keeps its own. */
export const updateIndustry = defineCommand({
  name: 'industry.update',
  async load(ctx, input: { code: string; changes: IndustryUpdate }) {
    if (!canBusiness(ctx.principal, 'industry.manage', { townPath: '/' })) throw forbidden();
    const row = (await listIndustries(ctx.db)).find((i) => i.code === input.code);
    if (!row) throw notFound('industry');
    return row;
  },
  async write(tx, _ctx, before, { changes }) {
    const [row] = await tx
      .update(businessIndustries)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(businessIndustries.code, before.code))
      .returning(columns);
    return {
      result: row as Industry,
      audit: { entityType: 'industry', entityId: before.code, before, after: changes },
    };
  },
});

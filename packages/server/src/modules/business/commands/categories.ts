import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { RequestCategory, RequestCategoryInput, RequestCategoryUpdate } from '../contracts-requests.js';
import { canRequest } from '../policy.js';
import { categoryColumns, listCategories } from '../queries/categories.js';
import { businessRequestCategories } from '../schema.js';

const district = { townPath: '/' };

const categoryTaken = (code: string) =>
  new AppError('CONFLICT', `category ${code} exists`, [{ path: 'code', message: 'taken', code: 'taken' }]);

/** Adds a request category with its deadlines in working days. */
export const createCategory = defineCommand({
  name: 'requestCategory.create',
  async load(ctx, input: RequestCategoryInput) {
    if (!canRequest(ctx.principal, 'category.manage', district)) throw forbidden();
    if ((await listCategories(ctx.db)).some((c) => c.code === input.code)) throw categoryTaken(input.code!);
    return { ...input, code: input.code ?? `c_${randomBytes(5).toString('hex')}` };
  },
  async write(tx, _ctx, values) {
    // A category added at the same moment passed the check too: its key refuses this one.
    const [row] = await tx
      .insert(businessRequestCategories)
      .values(values)
      .returning(categoryColumns)
      .catch(refuseOnUniqueViolation(() => categoryTaken(values.code)));
    return {
      result: row as RequestCategory,
      audit: { entityType: 'requestCategory', entityId: values.code, after: values },
    };
  },
});

/** Renames, retires or changes the deadlines of a category; requests already routed keep their due dates. */
export const updateCategory = defineCommand({
  name: 'requestCategory.update',
  async load(ctx, input: { code: string; changes: RequestCategoryUpdate }) {
    if (!canRequest(ctx.principal, 'category.manage', district)) throw forbidden();
    const row = (await listCategories(ctx.db)).find((c) => c.code === input.code);
    if (!row) throw notFound('category');
    return row;
  },
  async write(tx, _ctx, before, { changes }) {
    const [row] = await tx
      .update(businessRequestCategories)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(businessRequestCategories.code, before.code))
      .returning(categoryColumns);
    return {
      result: row as RequestCategory,
      audit: { entityType: 'requestCategory', entityId: before.code, before, after: changes },
    };
  },
});

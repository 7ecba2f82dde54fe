import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ChainInput, ChainUpdate, IndustrialChain } from '../contracts-projects.js';
import { mayEverProject } from '../policy-projects.js';
import { chainColumns, listChains } from '../queries/industrial-chains.js';
import { businessIndustrialChains } from '../schema.js';

/**
 * The office adds an industrial-chain working group. Its code is made here: clerks name a
 * chain, and a code they never see cannot clash with one typed before.
 */
export const createChain = defineCommand({
  name: 'chain.create',
  async load(ctx, _input: ChainInput) {
    if (!mayEverProject(ctx.principal, 'projectSettings.configure')) throw forbidden();
    // Filling the initial seven first keeps a new chain from being the only one.
    return listChains(ctx.db);
  },
  async write(tx, _ctx, chains, input) {
    const code = `c_${randomBytes(5).toString('hex')}`;
    const sort = input.sort ?? Math.max(0, ...chains.map((c) => c.sort)) + 1;
    const [row] = await tx
      .insert(businessIndustrialChains)
      .values({ code, name: input.name, nameEn: input.nameEn, sort, active: true })
      .returning(chainColumns);
    return {
      result: row as IndustrialChain,
      audit: { entityType: 'industrialChain', entityId: code, after: { ...input, sort } },
    };
  },
});

/** Renames, reorders or retires a chain; projects keep their chain, shown by its new name. */
export const updateChain = defineCommand({
  name: 'chain.update',
  async load(ctx, input: { code: string; changes: ChainUpdate }) {
    if (!mayEverProject(ctx.principal, 'projectSettings.configure')) throw forbidden();
    const row = (await listChains(ctx.db)).find((c) => c.code === input.code);
    if (!row) throw notFound('chain');
    return row;
  },
  async write(tx, _ctx, before, { changes }) {
    const [row] = await tx
      .update(businessIndustrialChains)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(businessIndustrialChains.code, before.code))
      .returning(chainColumns);
    return {
      result: row as IndustrialChain,
      audit: { entityType: 'industrialChain', entityId: before.code, before, after: changes },
    };
  },
});

import type { ServiceContext } from '../context.js';
import type { DemoSeed } from '../kernel/module.js';
import { modules } from '../modules/registry.js';
import { anyUser } from '../modules/users/api.js';

export type DemoAccount = DemoSeed['accounts'][number];

/**
 * Seeds the demo district once, module by module in registry order (units, then accounts, then
 * what builds on them), and returns the demo accounts with their random passwords to print once.
 * Does nothing when any account exists. `now` is the moment it is seeded as of (the clock's by default).
 */
export async function seedDemo(
  ctx: ServiceContext,
  options: { only?: readonly string[]; now?: Date } = {},
): Promise<DemoAccount[] | null> {
  if (await anyUser(ctx.db)) return null;
  const seedCtx = { ...ctx, principal: null, requestId: 'seed', systemLabel: 'seed' };
  const seed: DemoSeed = { accounts: [], now: options.now ?? new Date() };
  for (const m of modules)
    if (!options.only || options.only.includes(m.name)) await m.seedDemo?.(seedCtx, seed);
  return seed.accounts;
}

import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Settings } from '../contracts/library.js';
import { canTarget } from '../policy.js';
import { getSettings } from '../queries/deadline.js';
import { targetSettings } from '../schema.js';

/**
 * Replaces the module's settings (the reporting deadline). Its audit action is `targets.settings`,
 * as it always was, though the route's operation id is `targetSettings.update`.
 */
const command = defineCommand({
  name: 'targets.settings',
  async load(ctx, _input: Settings) {
    if (!canTarget(ctx.principal, 'settings.write')) throw forbidden();
    return getSettings(ctx.db);
  },
  async write(tx, _ctx, before, input) {
    await tx
      .insert(targetSettings)
      .values({ key: 'settings', value: input })
      .onConflictDoUpdate({ target: targetSettings.key, set: { value: input, updatedAt: new Date() } });
    return { result: input, audit: { entityType: 'settings', entityId: 'targets', before, after: input } };
  },
});

export const updateSettings = (ctx: ServiceContext, input: Settings): Promise<Settings> =>
  command.run(ctx, input);

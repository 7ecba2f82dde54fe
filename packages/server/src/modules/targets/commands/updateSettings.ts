import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Settings } from '../contracts/library.js';
import { redateForWorkdays } from '../deadline-recount.js';
import { canTarget } from '../policy.js';
import { defaultSettings, getSettings } from '../queries/deadline.js';
import { targetSettings } from '../schema.js';

/**
 * Replaces the module's settings (the reporting deadline). Its audit action is `targets.settings`,
 * as it always was, though the route's operation id is `targetSettings.update`. A changed number
 * of working days moves the deadlines of the reports not yet in whose deadline has not passed, in
 * the same transaction, and tells their units (redateForWorkdays); the audit lists them.
 */
const command = defineCommand({
  name: 'targets.settings',
  async load(ctx, _input: Settings) {
    if (!canTarget(ctx.principal, 'settings.write')) throw forbidden();
  },
  async write(tx, _ctx, _loaded, input) {
    // The settings replaced are read under a lock: a change committed since the request began is
    // what this one compares with, and one that comes later waits, so whether the deadlines are
    // counted again is decided on the number they were last counted with.
    await tx
      .insert(targetSettings)
      .values({ key: 'settings', value: defaultSettings })
      .onConflictDoNothing({ target: targetSettings.key });
    const before = await getSettings(tx, true);
    await tx
      .update(targetSettings)
      .set({ value: input, updatedAt: new Date() })
      .where(eq(targetSettings.key, 'settings'));
    const moved =
      input.reportDeadlineWorkdays === before.reportDeadlineWorkdays
        ? []
        : await redateForWorkdays(tx, input.reportDeadlineWorkdays);
    const after = moved.length ? { ...input, deadlinesMoved: moved } : input;
    return { result: input, audit: { entityType: 'settings', entityId: 'targets', before, after } };
  },
});

export const updateSettings = (ctx: ServiceContext, input: Settings): Promise<Settings> =>
  command.run(ctx, input);

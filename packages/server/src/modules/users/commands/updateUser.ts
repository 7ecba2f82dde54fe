import { eq } from 'drizzle-orm';
import { forgetAllDevices } from '../../../auth/devices.js';
import { actor, type ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { authoriseOnUser, getUserView } from '../queries/users.js';
import { users } from '../schema.js';
import { holdAccount, keepDistrictAdmin } from './hold-account.js';
import { revokeAll } from './user-common.js';

interface UserChanges {
  displayName?: string | undefined;
  disabled?: boolean | undefined;
}

/** Renames, disables or enables an account; disabling signs it out everywhere. */
const command = defineCommand({
  name: 'user.update',
  async load(ctx, { id, changes }: { id: string; changes: UserChanges }) {
    await authoriseOnUser(ctx, 'user.update', id);
    if (changes.disabled && id === ctx.principal?.userId) {
      throw new AppError('INVALID_STATE', 'you cannot disable your own account', [
        { path: 'disabled', message: 'your own account stays enabled', code: 'own_account_disabled' },
      ]);
    }
  },
  async write(tx, ctx, _loaded, { id, changes }) {
    // The audit's before-values are the row as held: another admin's rename or disabling
    // committed since the first check is what this change replaces.
    const held = await holdAccount(tx, ctx, 'user.update', id);
    if (changes.disabled)
      await keepDistrictAdmin(tx, id, held, { disabled: true, grants: held.grants }, 'disabled');
    await tx
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, id));
    if (changes.disabled) {
      await revokeAll(tx, id);
      await forgetAllDevices(tx, actor(ctx), id, 'disabled');
    }
    return {
      result: undefined,
      audit: {
        entityType: 'user',
        entityId: id,
        before: { displayName: held.displayName, disabled: held.disabled },
        after: {
          displayName: changes.displayName ?? held.displayName,
          disabled: changes.disabled ?? held.disabled,
        },
      },
    };
  },
});

export async function updateUser(ctx: ServiceContext, id: string, changes: UserChanges) {
  await command.run(ctx, { id, changes });
  return getUserView(ctx.db, id);
}

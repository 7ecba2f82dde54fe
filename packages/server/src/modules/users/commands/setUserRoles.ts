import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { RoleGrant } from '../contracts.js';
import { canUser } from '../policy.js';
import { authoriseOnUser, getUserView } from '../queries/users.js';
import { userRoles } from '../schema.js';
import { holdAccount, keepDistrictAdmin } from './hold-account.js';
import { dedupe, heldUnitPaths, unitPaths } from './user-common.js';

/** Replaces an account's roles; every unit involved, before and after, must be in the admin's scope. */
const command = defineCommand({
  name: 'user.assignRoles',
  async load(ctx, { id, grants }: { id: string; grants: RoleGrant[] }) {
    await authoriseOnUser(ctx, 'user.assignRoles', id);
    if (
      !canUser(
        ctx.principal,
        'user.assignRoles',
        await unitPaths(
          ctx.db,
          grants.map((g) => g.unitId),
        ),
      )
    )
      throw forbidden();
    const next = dedupe(grants);
    if (id === ctx.principal?.userId && !next.some((g) => g.role === 'admin')) {
      throw new AppError('INVALID_STATE', 'you cannot remove your own admin role', [
        { path: 'roles', message: 'your own admin role stays', code: 'own_admin_role' },
      ]);
    }
    return { next };
  },
  async write(tx, ctx, { next }, { id }) {
    // The grants as they are now, the account's row held so that another admin's replacement
    // waits: one given meanwhile by an admin of another scope is refused here, never deleted.
    const held = await holdAccount(tx, ctx, 'user.assignRoles', id);
    // The units given roles on, where they sit now: one moved out of the admin's scope since the
    // first check is refused as it would be if asked now, one deleted is an unknown unit.
    const paths = await heldUnitPaths(
      tx,
      next.map((g) => g.unitId),
    );
    if (!canUser(held.acting, 'user.assignRoles', paths)) throw forbidden();
    await keepDistrictAdmin(tx, id, held, { disabled: held.disabled, grants: next }, 'roles');
    const current = held.grants.map(({ role, unitId }) => ({ role, unitId }));
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    if (next.length) await tx.insert(userRoles).values(next.map((g) => ({ userId: id, ...g })));
    return {
      result: undefined,
      audit: {
        entityType: 'user',
        entityId: id,
        before: current,
        after: next,
      },
    };
  },
});

export async function setUserRoles(ctx: ServiceContext, id: string, grants: RoleGrant[]) {
  await command.run(ctx, { id, grants });
  return getUserView(ctx.db, id);
}

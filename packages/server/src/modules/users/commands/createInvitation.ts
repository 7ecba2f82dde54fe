import { newToken } from '../../../auth/tokens.js';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { unitsByIds } from '../../units/api.js';
import { canUser } from '../policy.js';
import { type InvitationInput, insertInvitation } from './issueInvitation.js';

/** Creates a one-time link by which a person sets up their own account with the given roles. */
const command = defineCommand({
  name: 'invitation.create',
  async load(ctx, input: InvitationInput) {
    const ids = input.roles.map((r) => r.unitId);
    const rows = [...(await unitsByIds(ctx.db, ids)).values()];
    if (rows.length !== new Set(ids).size)
      throw new AppError('VALIDATION', 'unknown unit', [
        { path: 'roles', message: 'unknown unit', code: 'unknown_unit' },
      ]);
    if (
      !canUser(
        ctx.principal,
        'invitation.create',
        rows.map((r) => r.path),
      )
    )
      throw forbidden();
    return { token: newToken(), expiresAt: new Date(Date.now() + input.days * 86_400_000) };
  },
  async write(tx, ctx, { token, expiresAt }, input) {
    const id = await insertInvitation(tx, ctx, input, token, expiresAt);
    return {
      result: { token, expiresAt: expiresAt.toISOString() },
      audit: {
        entityType: 'invitation',
        entityId: id,
        after: { displayName: input.displayName, roles: input.roles, expiresAt },
      },
    };
  },
});

export const createInvitation = (
  ctx: ServiceContext,
  input: InvitationInput,
): Promise<{ token: string; expiresAt: string }> => command.run(ctx, input);

import { forgetAllDevices } from '../../../auth/devices.js';
import { actor, type ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { authoriseOnUser } from '../queries/users.js';
import { revokeAll } from './user-common.js';

/**
 * Signs an account out of every session, and forgets the browsers remembered for it: an admin
 * who ends every session is answering a compromise, and a remembered browser would keep sparing
 * whoever holds it the back-off of sign-in.
 */
const command = defineCommand({
  name: 'user.revokeSessions',
  async load(ctx, id: string) {
    await authoriseOnUser(ctx, 'user.revokeSessions', id);
  },
  async write(tx, ctx, _loaded, id) {
    await revokeAll(tx, id);
    await forgetAllDevices(tx, actor(ctx), id, 'revoked');
    return { result: undefined, audit: { entityType: 'user', entityId: id } };
  },
});

export const revokeSessions = (ctx: ServiceContext, id: string): Promise<void> => command.run(ctx, id);

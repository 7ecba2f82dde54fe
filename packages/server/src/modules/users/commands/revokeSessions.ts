import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { authoriseOnUser } from '../queries/users.js';
import { revokeAll } from './user-common.js';

/** Signs an account out of every session. */
const command = defineCommand({
  name: 'user.revokeSessions',
  async load(ctx, id: string) {
    await authoriseOnUser(ctx, 'user.revokeSessions', id);
  },
  async write(tx, _ctx, _loaded, id) {
    await revokeAll(tx, id);
    return { result: undefined, audit: { entityType: 'user', entityId: id } };
  },
});

export const revokeSessions = (ctx: ServiceContext, id: string): Promise<void> => command.run(ctx, id);

import type { Logger } from 'pino';
import type { Actor } from './audit/audit.js';
import { actorOf, type Principal } from './auth/principal.js';
import type { SmsProvider } from './auth/sms.js';
import type { Db } from './db/client.js';

/** What every service command receives: the database, who is acting, and the side channels. */
export interface ServiceContext {
  db: Db;
  principal: Principal | null;
  requestId?: string;
  ip?: string;
  log: Logger;
  sms: SmsProvider;
}

export const actor = (ctx: ServiceContext): Actor => actorOf(ctx.principal, ctx.requestId);

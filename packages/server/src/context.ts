import type { Logger } from 'pino';
import type { Actor } from './audit/audit.js';
import { actorOf, type Principal } from './auth/principal.js';
import type { SmsProvider } from './auth/sms.js';
import type { Db } from './db/client.js';

/** What every service command receives: the database, who is acting, and the side channels. */
export interface ServiceContext {
  db: Db;
  /**
   * The primary when `db` is a read replica (a lag-tolerant read, http/read-routing.ts): for the
   * rare write such a read makes. Use `primaryOf(ctx)`.
   */
  primaryDb?: Db;
  principal: Principal | null;
  requestId?: string;
  /** The language the request prefers (Accept-Language), for what the server words itself. */
  locale?: 'zh-CN' | 'en';
  ip?: string;
  log: Logger;
  sms: SmsProvider;
  /** Who acts when no one is signed in and the system itself acts (seed, cli); else anonymous. */
  systemLabel?: string;
}

/** The database that takes writes, whichever one this request reads from. */
export const primaryOf = (ctx: Pick<ServiceContext, 'db' | 'primaryDb'>): Db => ctx.primaryDb ?? ctx.db;

export const actor = (ctx: ServiceContext): Actor =>
  !ctx.principal && ctx.systemLabel
    ? { userId: null, label: ctx.systemLabel, requestId: ctx.requestId }
    : actorOf(ctx.principal, ctx.requestId);

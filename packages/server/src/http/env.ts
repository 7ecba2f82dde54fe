import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import type { ServiceContext } from '../context.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    principal: Principal | null;
    ctx: ServiceContext;
    /** Whether cookies the app sets are Secure (sent over HTTPS only): QIANXING_SECURE_COOKIES. */
    secureCookies: boolean;
  };
}

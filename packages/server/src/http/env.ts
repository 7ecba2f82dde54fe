import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import type { ServiceContext } from '../context.js';
import type { AppError } from '../errors.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    principal: Principal | null;
    ctx: ServiceContext;
    /** Whether cookies the app sets are Secure (sent over HTTPS only): QIANXING_SECURE_COOKIES. */
    secureCookies: boolean;
    /** Set when the request's body stopped arriving (body-read.ts): the answer, whatever the reader threw. */
    bodyStalled?: AppError;
  };
}

import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { constraintOf, hasSqlState, SQL_STATE } from '../db/sql-state.js';
import { AppError } from '../errors.js';
import type { ModuleDefinition } from '../kernel/module.js';
import { errorForLog } from '../log.js';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

/**
 * The answer to an error a request met: a refusal as itself, a unique index met by a race as a
 * conflict, a failure on the database a stop is closing as 503 (send it again), anything else as
 * INTERNAL, logged without its content.
 */
export function answerError(deps: {
  log: Logger;
  modules: readonly ModuleDefinition[];
  databaseClosing?: () => boolean;
}): ErrorHandler<AppEnv> {
  const uniqueFields = new Map(deps.modules.flatMap((m) => Object.entries(m.uniqueFields ?? {})));
  return (error, c) => {
    const stalled = c.get('bodyStalled');
    if (stalled) return problemResponse(c, stalled);
    if (error instanceof AppError) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status < 500)
      return problemResponse(c, fromHttpException(error));
    if (deps.databaseClosing?.()) {
      (c.get('log') ?? deps.log).warn(
        { error: errorForLog(error) },
        'request failed on the database closed by the stop',
      );
      return problemResponse(
        c,
        new AppError('UNAVAILABLE', 'the server is stopping; send the request again'),
      );
    }
    // Two requests racing past a service's own check meet at a unique index: still a conflict.
    if (hasSqlState(error, SQL_STATE.uniqueViolation)) {
      const field = uniqueFields.get(constraintOf(error) ?? '');
      return problemResponse(
        c,
        new AppError(
          'CONFLICT',
          'conflicts with an existing record',
          field ? [{ path: field, message: 'taken', code: 'taken' }] : [],
        ),
      );
    }
    if (error instanceof SyntaxError)
      return problemResponse(
        c,
        new AppError('VALIDATION', 'the body is not valid JSON', [
          { path: '(body)', message: 'invalid JSON', code: 'invalid_json' },
        ]),
      );
    // Never the error itself: a failed query carries its parameters, which are personal data.
    (c.get('log') ?? deps.log).error({ error: errorForLog(error) }, 'unhandled error');
    return problemResponse(c, new AppError('INTERNAL'));
  };
}

/** Hono's own 4xx (a malformed JSON body, say) in the platform's error shape. */
function fromHttpException(error: HTTPException): AppError {
  switch (error.status) {
    case 413:
      return new AppError('PAYLOAD_TOO_LARGE', error.message);
    case 415:
      return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
    case 401:
      return new AppError('UNAUTHENTICATED', error.message);
    default:
      return new AppError('VALIDATION', error.message || 'malformed request', [
        { path: '(body)', message: error.message },
      ]);
  }
}

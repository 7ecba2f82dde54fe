import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AppError, ErrorCode, errorStatus, errorTitles, type FieldError } from '../errors.js';

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: ErrorCode,
    requestId: z.string().optional(),
    /** For RATE_LIMITED: the seconds until a retry may succeed (as the Retry-After header says). */
    retryAfterSeconds: z.number().int().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          code: z.string().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

/** zh-CN unless the client prefers English first. */
export function pickLocale(acceptLanguage: string | undefined): 'zh-CN' | 'en' {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function problemBody(error: AppError, locale: 'zh-CN' | 'en', requestId?: string) {
  const code = error.code;
  return {
    type: `https://qianxing.example/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: errorTitles[code][locale],
    status: errorStatus[code],
    // Internal errors reveal nothing of what went wrong inside.
    detail: code === 'INTERNAL' ? undefined : error.message,
    code,
    requestId,
    retryAfterSeconds: error.retryAfterSeconds,
    errors: error.errors.length ? error.errors : undefined,
  };
}

export function problemResponse(c: Context, error: AppError) {
  const body = problemBody(
    error,
    pickLocale(c.req.header('accept-language')),
    c.get('requestId') as string | undefined,
  );
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (error.retryAfterSeconds) headers['retry-after'] = String(error.retryAfterSeconds);
  // The rest of a stalled body may still come: the connection cannot carry another request.
  if (error.code === 'REQUEST_TIMEOUT') headers.connection = 'close';
  return c.body(JSON.stringify(body), error.status, headers);
}

/** The parts of a zod issue a field error keeps. */
interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
  params?: unknown;
}

/**
 * A zod issue as a field error with a stable code and the numbers a page needs to word it
 * (`too_small` of a string with `minimum` 4 → "at least 4 characters"). A refinement's own reason
 * travels in `params.reason`.
 */
export function fieldErrorOf(issue: Issue, path = issue.path.map(String).join('.') || '(body)'): FieldError {
  const params: Record<string, string | number> = {};
  for (const key of ['origin', 'minimum', 'maximum', 'format'] as const) {
    const v = issue[key];
    if (typeof v === 'string' || typeof v === 'number') params[key] = v;
    else if (typeof v === 'bigint') params[key] = Number(v);
  }
  let code = issue.code;
  const { reason, ...own } = (issue.params ?? {}) as Record<string, unknown>;
  if (code === 'custom' && typeof reason === 'string') code = reason;
  // A refinement's own numbers (a date range, say) travel with its reason.
  for (const [key, v] of Object.entries(own))
    if (typeof v === 'string' || typeof v === 'number') params[key] = v;
  // zod reports a missing value as a wrong type; its message is the only place that says so.
  if (code === 'invalid_type' && /received undefined$/.test(issue.message)) code = 'required';
  return {
    path,
    message: issue.message,
    ...(code ? { code } : {}),
    ...(Object.keys(params).length ? { params } : {}),
  };
}

export function zodIssuesToFieldErrors(issues: ReadonlyArray<Issue>): FieldError[] {
  return issues.map((i) => fieldErrorOf(i));
}

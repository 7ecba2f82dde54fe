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
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
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
  return c.body(JSON.stringify(body), error.status, headers);
}

export function zodIssuesToFieldErrors(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): FieldError[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

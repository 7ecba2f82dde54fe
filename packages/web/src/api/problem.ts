import type { Problem } from './types';

/** An API failure carrying the server's problem document (RFC 9457). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).code === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

/** Anything thrown (a problem, a network failure, a bug) as a problem the UI can show. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  if (isProblem(error)) return error;
  return { type: 'about:blank', title: String(error), status: 0, code: 'INTERNAL' };
}

/** The data of an openapi-fetch result, or an ApiError carrying its problem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const problem: Problem = isProblem(result.error)
      ? result.error
      : {
          type: 'about:blank',
          title: result.response.statusText,
          status: result.response.status,
          code: 'INTERNAL',
        };
    throw new ApiError(problem);
  }
  return result.data as T;
}

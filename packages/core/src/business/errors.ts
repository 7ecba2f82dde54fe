import type { z } from 'zod';

/** One problem of a scorecard input: the field at fault and, inside a request, its id. */
export interface ScorecardIssue {
  /** The field's path in the input, e.g. ['requests', 3, 'rating']. */
  path: (string | number)[];
  /** The id of the request the field belongs to, when the field is inside one that has an id. */
  requestId?: string;
  message: string;
}

/** `requests[3].rating`, as a reader would write it. */
export function fieldLabel(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'input';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** One line per issue: `requests[3].rating (request "R4"): from 1 to 5`. */
export function describeIssue(issue: ScorecardIssue): string {
  const request = issue.requestId === undefined ? '' : ` (request ${JSON.stringify(issue.requestId)})`;
  return `${fieldLabel(issue.path)}${request}: ${issue.message}`;
}

/**
 * Input the department scorecard cannot accept. Every problem found is listed, each naming
 * its field and, for a request's field, the request's id.
 */
export class ScorecardInputError extends Error {
  override name = 'ScorecardInputError';
  constructor(readonly issues: ScorecardIssue[]) {
    super(issues.map(describeIssue).join('; '));
  }
}

/** The id of `input.requests[index]` as given, when it is a string. */
export function requestIdAt(input: unknown, index: number): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const requests = (input as { requests?: unknown }).requests;
  if (!Array.isArray(requests)) return undefined;
  const request: unknown = requests[index];
  if (typeof request !== 'object' || request === null) return undefined;
  const id = (request as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** Validates with `schema`, turning zod's issues into scorecard issues that name the request. */
export function parseScorecardInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ScorecardInputError(
    result.error.issues.flatMap((issue) => {
      const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
      const requestId =
        path[0] === 'requests' && typeof path[1] === 'number' ? requestIdAt(input, path[1]) : undefined;
      // An unknown key is reported on its own path, so the field it names is the one at fault.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ path: [...path, key], message: 'not a known field' }));
      }
      return [{ path, ...(requestId === undefined ? {} : { requestId }), message: issue.message }];
    }),
  );
}

import { allowedBeforePasswordChange } from '../auth/before-password-change.js';
import type { ErrorCode } from '../errors.js';

export interface Bilingual {
  'zh-CN': string;
  en: string;
}

/**
 * What the API document says of one operation, in both languages: a summary (a short line for
 * the list of operations), a description (what it does, who may, what changes and is audited),
 * and the error codes it may answer beyond those its shape implies (see `impliedErrors`).
 */
export interface OperationDoc {
  summary: Bilingual;
  description: Bilingual;
  /** Signed-in only (401 without a session, 403 without the right); public by default. */
  signedIn?: boolean;
  errors?: readonly ErrorCode[];
}

export type OperationDocs = Readonly<Record<string, OperationDoc>>;

/** The part of an OpenAPI operation the implied codes are read from. */
export interface OperationShape {
  method: string;
  path: string;
  hasInput: boolean;
}

/**
 * Codes any operation of this shape may answer, whatever it does: bad input for one that takes
 * input, not found for a path naming a record, the session's checks for a signed-in one, the
 * password someone else set that must be replaced first (every operation, public ones too, but
 * reading the session, signing out and changing the password), the CSRF check and the body's
 * limits (its size, a body that stops arriving) for every write, the server's own failure, and
 * its stop (a request still running when the database is closed).
 */
export function impliedErrors(op: OperationShape, doc: OperationDoc): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (op.hasInput) codes.push('VALIDATION');
  if (doc.signedIn) codes.push('UNAUTHENTICATED', 'FORBIDDEN');
  if (!allowedBeforePasswordChange(op.method, op.path)) codes.push('PASSWORD_CHANGE_REQUIRED');
  if (op.method !== 'get') codes.push('CSRF', 'PAYLOAD_TOO_LARGE', 'REQUEST_TIMEOUT');
  if (op.path.includes('{')) codes.push('NOT_FOUND');
  codes.push('INTERNAL', 'UNAVAILABLE');
  return codes;
}

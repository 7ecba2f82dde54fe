import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError, type FieldError } from '../errors.js';

/**
 * Why a password of the right length is still refused, with the stable code the web app words
 * in both languages (`errors.field.<code>`). NIST SP 800-63B and OWASP's Authentication Cheat
 * Sheet ask for exactly these checks instead of composition rules: no repetitive text, nothing
 * from the account itself, nothing from lists of passwords people commonly choose.
 */
const reasons = {
  only_whitespace: { message: 'only spaces', code: 'only_whitespace' },
  repeated_character: { message: 'one character repeated', code: 'repeated_character' },
  contains_login: { message: 'contains the login', code: 'contains_login' },
  common_password: { message: 'a common or easily guessed password', code: 'common_password' },
} as const;
export type PasswordWeakness = keyof typeof reasons;

// zxcvbn-ts with its common dictionaries (passwords seen in breaches, keyboard patterns): built on
// first use, as loading the lists takes a tenth of a second.
let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn's score 0 or 1 means fewer than a million guesses (a listed password, a keyboard walk,
 * a sequence such as abcdefghij, a word with digits appended): refused. Score 2 and up is left
 * to the sign-in limits and argon2id.
 */
const MIN_SCORE = 2;

export function passwordWeakness(password: string, login?: string): PasswordWeakness | null {
  if (password.trim() === '') return 'only_whitespace';
  const characters = [...password];
  if (characters.every((c) => c === characters[0])) return 'repeated_character';
  const name = login?.trim().toLowerCase() ?? '';
  if (name.length > 0 && password.toLowerCase().includes(name)) return 'contains_login';
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  if (estimator.check(password, name ? [name] : []).score < MIN_SCORE) return 'common_password';
  return null;
}

/** Refuses a weak password as VALIDATION, naming the field at `path` and the reason. */
export function assertStrongPassword(password: string, login: string | undefined, path: string): void {
  const weakness = passwordWeakness(password, login);
  if (!weakness) return;
  const error: FieldError = { path, ...reasons[weakness] };
  throw new AppError('VALIDATION', `${path}: ${error.message}`, [error]);
}

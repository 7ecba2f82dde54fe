import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canRequest, mayEverRequest, type RequestAction, type RequestResource } from './policy.js';

const root = '/r/';
const street = '/r/a/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const any: RequestResource = { townPath: root };
const own: RequestResource = { townPath: root, member: true };

/** 千企万众评效能: who runs the surveys, reads their results early, and answers for a firm. */
const table: Array<[string, Principal | null, RequestAction, RequestResource, boolean]> = [
  ['the district office runs the surveys', office, 'survey.manage', any, true],
  ["a street's office does not", who('admin', street), 'survey.manage', any, false],
  ['nor does the commission', who('supervisor', root), 'survey.manage', any, false],
  ['nor a department', who('department_staff', root), 'survey.manage', any, false],
  ['the district office reads the results of any state', office, 'survey.results', any, true],
  ['and so does the commission', who('supervisor', root), 'survey.results', any, true],
  ["not a street's commission", who('supervisor', street), 'survey.results', any, false],
  [
    'a department does not read them before they are published',
    who('department_staff', root),
    'survey.results',
    any,
    false,
  ],
  ['nor does a firm', who('enterprise', street), 'survey.results', own, false],
  ["a firm's staff answer for their own firm", who('enterprise', street), 'survey.answer', own, true],
  ['not without being its member', who('enterprise', street), 'survey.answer', any, false],
  ['the office does not answer for a firm', office, 'survey.answer', own, false],
  ['a citizen does not answer as a firm', who('citizen', root), 'survey.answer', own, false],
  ['the anonymous manage nothing', null, 'survey.manage', any, false],
];

describe('survey policy', () => {
  it.each(table)('%s', (_name, p, action, resource, expected) => {
    expect(canRequest(p, action, resource)).toBe(expected);
  });

  it('offers the surveys page to the district office and the commission only', () => {
    expect(mayEverRequest(office, 'survey.manage')).toBe(true);
    for (const role of ['organiser', 'department_staff', 'enterprise', 'citizen'] as const)
      expect(mayEverRequest(who(role, root), 'survey.results'), role).toBe(false);
    expect(mayEverRequest(who('enterprise', street), 'survey.answer')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { principal } from '../../test-support/principal.js';
import { canUser, type UserAction, usersPolicy } from './policy.js';

const office = principal(['admin', '/r/']);
const streetAdmin = principal(['admin', '/r/s/']);
const supervisor = principal(['supervisor', '/r/']);

const table: Array<[string, ReturnType<typeof principal> | null, UserAction, string[], boolean]> = [
  ['office lists users', office, 'user.list', [], true],
  ['supervisor does not', supervisor, 'user.list', [], false],
  ['office resets anyone in the district', office, 'user.resetPassword', ['/r/t/'], true],
  ['street admin resets inside its street', streetAdmin, 'user.resetPassword', ['/r/s/v/'], true],
  [
    'street admin not one with a grant elsewhere',
    streetAdmin,
    'user.resetPassword',
    ['/r/s/', '/r/t/'],
    false,
  ],
  ['street admin grants inside its street', streetAdmin, 'user.assignRoles', ['/r/s/'], true],
  ['street admin does not grant district-wide', streetAdmin, 'user.assignRoles', ['/r/'], false],
];

describe('users policy', () => {
  it.each(table)('%s', (_name, p, action, unitPaths, allowed) => {
    expect(canUser(p, action, unitPaths)).toBe(allowed);
  });

  it('denies the anonymous every action', () => {
    for (const action of usersPolicy.actions) expect(canUser(null, action, ['/r/'])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from './api.js';
import { canUser, type UserAction, userScope, usersPolicy } from './policy.js';

const root = '/r/';
const street = '/r/s/';
const community = '/r/s/c/';
const otherStreet = '/r/t/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const streetAdmin = who('admin', street);
const organiser = who('organiser', root);

/** Actor × action × the units of the user acted on (none: a role-less account) → allowed. */
const table: Array<[string, Principal | null, UserAction, string[], boolean]> = [
  ['the office lists accounts', office, 'user.list', [], true],
  ["a street's admin lists accounts (its own only, see userScope)", streetAdmin, 'user.list', [], true],
  ['an organiser does not', organiser, 'user.list', [], false],
  ['the public does not', null, 'user.list', [], false],
  ['the office resets a role-less account', office, 'user.resetPassword', [], true],
  ["a street's admin does not reset a role-less account", streetAdmin, 'user.resetPassword', [], false],
  ["a street's admin does not read a role-less account", streetAdmin, 'user.read', [], false],
  ["a street's admin does not create a role-less account", streetAdmin, 'user.create', [], false],
  [
    "a street's admin resets an account inside its street",
    streetAdmin,
    'user.resetPassword',
    [community],
    true,
  ],
  ["a street's admin updates an account of its street", streetAdmin, 'user.update', [street], true],
  [
    "a street's admin does not reset an account with a role outside its street too",
    streetAdmin,
    'user.resetPassword',
    [community, otherStreet],
    false,
  ],
  [
    "a street's admin does not revoke the office's sessions",
    streetAdmin,
    'user.revokeSessions',
    [root],
    false,
  ],
  ["a street's admin does not grant a role above its street", streetAdmin, 'user.assignRoles', [root], false],
  ['the office acts on any account', office, 'user.assignRoles', [otherStreet, community], true],
  ['an organiser manages no account', organiser, 'user.update', [street], false],
];

describe('users policy', () => {
  it.each(table)('%s', (_, actor, action, unitPaths, allowed) => {
    expect(canUser(actor, action, unitPaths)).toBe(allowed);
  });

  it('denies the anonymous every action', () => {
    for (const action of usersPolicy.actions) expect(canUser(null, action, ['/r/'])).toBe(false);
  });

  it('lists role-less accounts for the district office only', () => {
    expect(userScope(office)).toEqual({ adminPaths: [root], roleless: true });
    expect(userScope(streetAdmin)).toEqual({ adminPaths: [street], roleless: false });
  });
});

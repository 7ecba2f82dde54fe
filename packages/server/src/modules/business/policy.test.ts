import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { type BusinessAction, canBusiness, type FirmResource, mayEver, scopeOf } from './policy.js';

const root = '/r/';
const streetA = '/r/a/';
const streetB = '/r/b/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const streetOffice = who('admin', streetA);
const organiserA = who('organiser', streetA);
const supervisor = who('supervisor', root);
const firmStaff = who('enterprise', streetA);
const dept = who('department_staff', root);
const citizen = who('citizen', root);

const inA: FirmResource = { townPath: streetA };
const inB: FirmResource = { townPath: streetB };
const ownInA: FirmResource = { townPath: streetA, member: true };

const table: Array<[string, Principal | null, BusinessAction, FirmResource, boolean]> = [
  ['the district office reads any firm', office, 'firm.read', inB, true],
  ['and changes it', office, 'firm.update', inB, true],
  ["a street's office changes the firms of its street", streetOffice, 'firm.update', inA, true],
  ['not those of another street', streetOffice, 'firm.read', inB, false],
  ["an organiser files firms in the street's towns", organiserA, 'firm.create', inA, true],
  ['and invites their staff', organiserA, 'firm.manageStaff', inA, true],
  ['not in another street', organiserA, 'firm.create', inB, false],
  ['a supervisor reads every firm', supervisor, 'firm.read', inB, true],
  ['and exports them', supervisor, 'firm.export', inB, true],
  ['but changes none', supervisor, 'firm.update', inA, false],
  ['nor imports', supervisor, 'firm.import', inA, false],
  ['nor invites staff', supervisor, 'firm.manageStaff', inA, false],
  ["a firm's staff read their own firm", firmStaff, 'firm.read', ownInA, true],
  ['and open its page', firmStaff, 'firm.readOwn', ownInA, true],
  ['not another firm of the same street', firmStaff, 'firm.read', inA, false],
  ['nor change their own', firmStaff, 'firm.update', ownInA, false],
  ['nor list the registry', firmStaff, 'firm.list', inA, false],
  ['membership alone is not enough: the enterprise role is', citizen, 'firm.read', ownInA, false],
  ['a department reads no firm yet', dept, 'firm.read', inA, false],
  ['the anonymous read nothing', null, 'firm.read', inA, false],
  ["a firm's staff are offered their firm's page", firmStaff, 'firm.portal', inB, true],
  ['staff are not', office, 'firm.portal', inA, false],
  ['the district office keeps the industries', office, 'industry.manage', inA, true],
  ["a street's office does not", streetOffice, 'industry.manage', inA, false],
  ['nor an organiser', organiserA, 'industry.manage', inA, false],
];

describe('business policy', () => {
  it.each(table)('%s', (_name, p, action, resource, expected) => {
    expect(canBusiness(p, action, resource)).toBe(expected);
  });

  it('lists the firms of the subtrees where the actor may list', () => {
    expect(scopeOf(office, 'firm.list')).toEqual([root]);
    expect(scopeOf(organiserA, 'firm.list')).toEqual([streetA]);
    expect(scopeOf(principal(['organiser', streetA], ['citizen', root]), 'firm.list')).toEqual([streetA]);
    expect(scopeOf(firmStaff, 'firm.list')).toEqual([]);
    expect(scopeOf(supervisor, 'firm.import')).toEqual([]);
  });

  it('opens the registry to the office, organisers and supervisors only', () => {
    const roles: Role[] = ['admin', 'organiser', 'supervisor'];
    for (const role of [
      'admin',
      'organiser',
      'screener',
      'expert',
      'department_staff',
      'supervisor',
    ] as const)
      expect(mayEver(who(role, root), 'firm.list')).toBe(roles.includes(role));
    expect(mayEver(firmStaff, 'firm.list')).toBe(false);
    expect(mayEver(null, 'firm.list')).toBe(false);
  });
});

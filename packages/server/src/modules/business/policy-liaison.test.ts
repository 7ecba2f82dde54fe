import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canLiaison, type LiaisonAction, type LiaisonResource, mayEverLiaison } from './policy-liaison.js';

const root = '/r/';
const street = '/r/a/';
const otherStreet = '/r/b/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const streetOffice = who('admin', street);
const supervisor = who('supervisor', root);
const cadre = who('liaison', '/r/d1/');
const firm = who('enterprise', street);
const staff = who('department_staff', '/r/d1/');

const inStreet: LiaisonResource = { townPath: street };
const mine: LiaisonResource = { townPath: street, paired: true };
const ownFirm: LiaisonResource = { townPath: street, member: true };

const table: Array<[string, Principal | null, LiaisonAction, LiaisonResource, boolean]> = [
  ['the office reads the pairings', office, 'liaison.read', inStreet, true],
  ['and pairs', office, 'liaison.assign', inStreet, true],
  ['and reminds', office, 'liaison.remind', inStreet, true],
  ['and sets the frequency', office, 'liaison.configure', inStreet, true],
  ['but logs no visit of its own', office, 'visit.log', inStreet, false],
  ["a street's office pairs in its street", streetOffice, 'liaison.assign', inStreet, true],
  ['not in another', streetOffice, 'liaison.assign', { townPath: otherStreet }, false],
  ['nor sets the district frequency', streetOffice, 'liaison.configure', inStreet, false],
  ['the commission reads', supervisor, 'liaison.read', inStreet, true],
  ['and reads visits', supervisor, 'visit.read', inStreet, true],
  ['but pairs nothing', supervisor, 'liaison.assign', inStreet, false],
  ['nor logs visits', supervisor, 'visit.log', mine, false],
  ['a cadre reads a firm paired with them', cadre, 'liaison.read', mine, true],
  ['and logs its visits', cadre, 'visit.log', mine, true],
  ['not another firm', cadre, 'visit.log', inStreet, false],
  ['nor reads it', cadre, 'visit.read', inStreet, false],
  ['nor pairs', cadre, 'liaison.assign', mine, false],
  ['a firm reads the visits to it', firm, 'visit.read', ownFirm, true],
  ['not to another firm', firm, 'visit.read', inStreet, false],
  ['and logs none', firm, 'visit.log', { ...ownFirm, paired: true }, false],
  ['a department without the role is no cadre', staff, 'visit.log', mine, false],
  ['the anonymous read nothing', null, 'visit.read', mine, false],
];

describe('liaison policy', () => {
  it.each(table)('%s', (_name, p, action, resource, expected) => {
    expect(canLiaison(p, action, resource)).toBe(expected);
  });

  it('opens the liaison page to the office, the commission and cadres only', () => {
    for (const role of ['admin', 'supervisor', 'liaison'] as const)
      expect(mayEverLiaison(who(role, root), 'liaison.read'), role).toBe(true);
    for (const role of [
      'organiser',
      'screener',
      'expert',
      'department_staff',
      'enterprise',
      'citizen',
    ] as const)
      expect(mayEverLiaison(who(role, root), 'liaison.read'), role).toBe(false);
  });
});

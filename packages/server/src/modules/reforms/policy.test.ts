import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canReform, mayEverReform, type ReformAction, type ReformResource, reportScope } from './policy.js';

const root = '/r/';
const street = '/r/s/';
const unitA = '/r/a/';
const unitB = '/r/b/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const streetOffice = who('admin', street);
const staffA = who('department_staff', unitA);
const supervisor = who('supervisor', root);
const organiser = who('organiser', root);
const citizen = who('citizen', root);

const ledA: ReformResource = { unitPath: unitA };
const ledB: ReformResource = { unitPath: unitB, coUnitPaths: [unitA] };
const report = (status: string, r: ReformResource = ledA) => ({ ...r, status });

const table: Array<[string, Principal | null, ReformAction, ReformResource | undefined, boolean]> = [
  ['staff read the ledger', staffA, 'ledger.read', undefined, true],
  ['supervisors read the ledger', supervisor, 'ledger.read', undefined, true],
  ['the campaign’s organisers do not', organiser, 'ledger.read', undefined, false],
  ['citizens read it on the public site only', citizen, 'ledger.read', undefined, false],
  ['nor does anyone signed out', null, 'ledger.read', undefined, false],
  ['the district office keeps the lists', office, 'list.write', undefined, true],
  ['a street’s admin does not', streetOffice, 'list.write', undefined, false],
  ['a lead unit does not', staffA, 'list.write', undefined, false],
  ['the district office imports the ledger', office, 'project.import', undefined, true],
  ['a street’s admin does not import', streetOffice, 'project.import', undefined, false],
  ['the office creates a project led by any unit', office, 'project.create', ledA, true],
  ['a street’s admin only for units of the street', streetOffice, 'project.create', ledA, false],
  ['… which it may', streetOffice, 'project.create', { unitPath: `${street}c/` }, true],
  ['a lead unit creates none', staffA, 'project.create', ledA, false],
  ['a lead unit edits its own project', staffA, 'project.edit', ledA, true],
  ['and its sub-units’ projects', staffA, 'project.edit', { unitPath: `${unitA}x/` }, true],
  ['not another unit’s project', staffA, 'project.edit', { unitPath: unitB }, false],
  ['not even one it helps with as a co-unit', staffA, 'project.edit', ledB, false],
  ['the office edits every project', office, 'project.edit', ledB, true],
  ['supervisors edit nothing', supervisor, 'project.edit', ledA, false],
  ['only the office moves a project between lists or units', staffA, 'project.assign', ledA, false],
  ['the office does', office, 'project.assign', ledA, true],
  [
    'the campaign’s office deletes a project taken from a suggestion',
    office,
    'project.deleteAdopted',
    ledA,
    true,
  ],
  [
    'a street’s admin does not, even for its own unit',
    streetOffice,
    'project.deleteAdopted',
    { unitPath: `${street}c/` },
    false,
  ],
  ['nor does a lead unit', staffA, 'project.deleteAdopted', ledA, false],
  ['a lead unit writes its report', staffA, 'report.edit', ledA, true],
  ['and edits a returned one', staffA, 'report.edit', report('returned'), true],
  ['not a submitted one', staffA, 'report.edit', report('submitted'), false],
  ['not an approved one', staffA, 'report.submit', report('approved'), false],
  ['not for another unit’s project', staffA, 'report.edit', { unitPath: unitB }, false],
  ['the office writes no report of a unit', office, 'report.edit', ledA, false],
  ['the office reviews a submitted report', office, 'report.review', report('submitted'), true],
  ['not a draft', office, 'report.review', report('draft'), false],
  ['a lead unit never reviews its own report', staffA, 'report.review', report('submitted'), false],
  ['a street’s admin reviews only its street', streetOffice, 'report.review', report('submitted'), false],
  [
    '… its communities’ reports',
    streetOffice,
    'report.review',
    report('submitted', { unitPath: `${street}c/` }),
    true,
  ],
  [
    'never the street’s own: no unit approves its own reports',
    streetOffice,
    'report.review',
    report('submitted', { unitPath: street }),
    false,
  ],
  [
    'the district office, with nobody above it, reviews the root’s own',
    office,
    'report.review',
    report('submitted', { unitPath: root }),
    true,
  ],
  ['a co-unit reads the reports', staffA, 'report.read', report('approved', ledB), true],
  ['another unit does not', who('department_staff', '/r/c/'), 'report.read', report('approved', ledB), false],
  ['supervisors read every report', supervisor, 'report.read', report('submitted', ledB), true],
  ['the district office keeps the key battles', office, 'battle.write', undefined, true],
  ['a street’s admin does not', streetOffice, 'battle.write', undefined, false],
  ['nor does a battle’s lead unit', staffA, 'battle.write', undefined, false],
  ['nor do supervisors', supervisor, 'battle.write', undefined, false],
  ['a lead unit reads its own battle', staffA, 'battle.read', ledA, true],
  ['not another unit’s battle in the console', staffA, 'battle.read', { unitPath: unitB }, false],
  ['the office reads every battle', office, 'battle.read', ledB, true],
  ['supervisors read every battle', supervisor, 'battle.read', ledB, true],
  ['the campaign’s organisers read battles on the public site only', organiser, 'battle.read', ledA, false],
  ['the office writes a case of a project in its scope', office, 'case.write', ledA, true],
  ['a street’s admin only of its street’s projects', streetOffice, 'case.write', ledA, false],
  ['… which it may', streetOffice, 'case.write', { unitPath: `${street}c/` }, true],
  ['a lead unit writes no case, the office does', staffA, 'case.write', ledA, false],
  ['a lead unit reads its project’s draft case', staffA, 'case.read', ledA, true],
  ['not another unit’s', staffA, 'case.read', { unitPath: unitB }, false],
  ['citizens read published cases on the public site only', citizen, 'case.read', ledA, false],
  ['the office adopts a suggestion into a project it leads over', office, 'suggestion.adopt', ledA, true],
  ['a street’s admin only into its street’s projects', streetOffice, 'suggestion.adopt', ledA, false],
  ['… which it may', streetOffice, 'suggestion.adopt', { unitPath: `${street}c/` }, true],
  ['a lead unit adopts none into its own project', staffA, 'suggestion.adopt', ledA, false],
  ['nor do the campaign’s organisers', organiser, 'suggestion.adopt', ledA, false],
  ['nor do supervisors', supervisor, 'suggestion.adopt', ledA, false],
  ['nor citizens', citizen, 'suggestion.adopt', ledA, false],
];

describe('reforms policy', () => {
  it.each(table)('%s', (_name, p, action, resource, expected) => {
    expect(canReform(p, action, resource)).toBe(expected);
  });

  it('asks about some scope for menus and early refusals, a submitted report for reviews', () => {
    expect(mayEverReform(office, 'report.review')).toBe(true);
    expect(mayEverReform(streetOffice, 'report.review')).toBe(true);
    expect(mayEverReform(staffA, 'report.review')).toBe(false);
    expect(mayEverReform(staffA, 'report.edit')).toBe(true);
    expect(mayEverReform(office, 'report.edit')).toBe(false);
    expect(mayEverReform(supervisor, 'project.edit')).toBe(false);
    expect(mayEverReform(staffA, 'battle.read')).toBe(true);
    expect(mayEverReform(staffA, 'case.write')).toBe(false);
    expect(mayEverReform(streetOffice, 'case.write')).toBe(true);
    expect(mayEverReform(citizen, 'battle.read')).toBe(false);
  });

  it('scopes report lists: everything for the district office and supervisors, the own subtree else', () => {
    expect(reportScope(office)).toBe('all');
    expect(reportScope(supervisor)).toBe('all');
    expect(reportScope(streetOffice)).toEqual([street]);
    expect(reportScope(staffA)).toEqual([unitA]);
    expect(reportScope(citizen)).toEqual([]);
    expect(reportScope(null)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canTarget, scopePaths, type TargetAction } from './policy.js';

const root = '/r/';
const unitA = '/r/a/';
const unitB = '/r/b/';
const communityOfA = '/r/a/c/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const staffA = who('department_staff', unitA);
const supervisor = who('supervisor', root);
// A street's admin and commission: their own subtree, never the district's scorecard or settings.
const streetAdmin = who('admin', unitA);
const streetSupervisor = who('supervisor', unitA);
const citizen = who('citizen', root);

const table: Array<
  [
    string,
    Principal | null,
    TargetAction,
    { unitPath: string; status?: string; planStatus?: string } | undefined,
    boolean,
  ]
> = [
  ['anyone signed in reads the library', citizen, 'library.read', undefined, true],
  ['the public does not', null, 'library.read', undefined, false],
  ['the office edits the library', office, 'library.write', undefined, true],
  ['a unit does not', staffA, 'library.write', undefined, false],
  ['a unit reads its plan', staffA, 'plan.read', { unitPath: unitA }, true],
  ["a unit cannot read another unit's plan", staffA, 'plan.read', { unitPath: unitB }, false],
  ['a supervisor reads every plan', supervisor, 'plan.read', { unitPath: unitB }, true],
  ['a citizen reads no plan', citizen, 'plan.read', { unitPath: unitA }, false],
  ['a unit edits its draft', staffA, 'plan.edit', { unitPath: unitA, status: 'draft' }, true],
  ['a unit edits its returned plan', staffA, 'plan.edit', { unitPath: unitA, status: 'returned' }, true],
  ['not once submitted', staffA, 'plan.edit', { unitPath: unitA, status: 'submitted' }, false],
  ['not once approved', staffA, 'plan.edit', { unitPath: unitA, status: 'approved' }, false],
  ["not another unit's draft", staffA, 'plan.edit', { unitPath: unitB, status: 'draft' }, false],
  ['a supervisor edits nothing', supervisor, 'plan.edit', { unitPath: unitA, status: 'draft' }, false],
  [
    'the office approves a submitted plan',
    office,
    'plan.review',
    { unitPath: unitA, status: 'submitted' },
    true,
  ],
  ['not a draft', office, 'plan.review', { unitPath: unitA, status: 'draft' }, false],
  [
    'a unit never reviews its own plan',
    staffA,
    'plan.review',
    { unitPath: unitA, status: 'submitted' },
    false,
  ],
  [
    'a supervisor does not review',
    supervisor,
    'plan.review',
    { unitPath: unitA, status: 'submitted' },
    false,
  ],
  [
    'a unit reports against an approved plan',
    staffA,
    'report.edit',
    { unitPath: unitA, status: 'draft', planStatus: 'approved' },
    true,
  ],
  [
    'not against a submitted plan',
    staffA,
    'report.edit',
    { unitPath: unitA, status: 'draft', planStatus: 'submitted' },
    false,
  ],
  [
    'not after submitting',
    staffA,
    'report.submit',
    { unitPath: unitA, status: 'submitted', planStatus: 'approved' },
    false,
  ],
  ['the office reviews reports', office, 'report.review', { unitPath: unitA, status: 'submitted' }, true],
  ['only the office computes', staffA, 'scorecard.compute', undefined, false],
  ['only the office publishes', supervisor, 'scorecard.publish', undefined, false],
  ['the office publishes', office, 'scorecard.publish', undefined, true],
  ['supervisors read drafts', supervisor, 'scorecard.readDraft', undefined, true],
  ['units do not read drafts', staffA, 'scorecard.readDraft', undefined, false],
  ['units do not get the year summary', staffA, 'evaluation.summary', undefined, false],
  ['only the office imports regional data', staffA, 'regional.write', undefined, false],
  [
    "a street's admin reviews its own units' reports",
    streetAdmin,
    'report.review',
    { unitPath: communityOfA, status: 'submitted' },
    true,
  ],
  [
    "but never the street's own report, which it may write itself",
    streetAdmin,
    'report.review',
    { unitPath: unitA, status: 'submitted' },
    false,
  ],
  [
    "nor approve the street's own plan",
    streetAdmin,
    'plan.review',
    { unitPath: unitA, status: 'submitted' },
    false,
  ],
  ['nor reopen it', streetAdmin, 'plan.reopen', { unitPath: unitA, status: 'approved' }, false],
  [
    "it reopens a community's plan",
    streetAdmin,
    'plan.reopen',
    { unitPath: communityOfA, status: 'approved' },
    true,
  ],
  [
    "the office reviews a street's own plan",
    office,
    'plan.review',
    { unitPath: unitA, status: 'submitted' },
    true,
  ],
  ["not another street's", streetAdmin, 'report.review', { unitPath: unitB, status: 'submitted' }, false],
  [
    "a street's admin does not compute the district's scorecard",
    streetAdmin,
    'scorecard.compute',
    undefined,
    false,
  ],
  ['nor publish it', streetAdmin, 'scorecard.publish', undefined, false],
  ['nor read its draft', streetAdmin, 'scorecard.readDraft', undefined, false],
  ["nor a street's commission", streetSupervisor, 'scorecard.readDraft', undefined, false],
  ['nor get the year summary', streetAdmin, 'evaluation.summary', undefined, false],
  ['nor change the settings', streetAdmin, 'settings.write', undefined, false],
  ['nor the library', streetAdmin, 'library.write', undefined, false],
  ['nor the regional data', streetAdmin, 'regional.write', undefined, false],
  ['the office changes the settings', office, 'settings.write', undefined, true],
];

describe('targets policy', () => {
  it.each(table)('%s', (_name, principal, action, resource, expected) => {
    expect(canTarget(principal, action, resource)).toBe(expected);
  });

  it('scopes lists: everything for the office at the root, the own subtree for a unit', () => {
    expect(scopePaths(office)).toBe('all');
    expect(scopePaths(staffA)).toEqual([unitA]);
    expect(scopePaths(citizen)).toEqual([]);
    expect(scopePaths(null)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canStudy, mayEverStudy, type StudyAction, type StudyResource } from './policy-study.js';

const root = '/r/';
const street = '/r/s/';
const unitA = '/r/a/';
const unitB = '/r/b/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const streetOffice = who('admin', street);
const staffA = who('department_staff', unitA);
const supervisor = who('supervisor', root);
const liaison = who('liaison', unitA);
const expert = who('expert', root);
const citizen = who('citizen', root);

const byA = (status?: StudyResource['status']): StudyResource => ({ unitPath: unitA, status });
const byB = (status?: StudyResource['status']): StudyResource => ({ unitPath: unitB, status });

const table: Array<[string, Principal | null, StudyAction, StudyResource | undefined, boolean]> = [
  ['a unit’s staff read the visits and sessions', staffA, 'study.read', byB(), true],
  ['so do supervisors', supervisor, 'study.read', byB(), true],
  ['and the liaison cadres', liaison, 'study.read', undefined, true],
  ['the campaign’s outside experts do not', expert, 'study.read', undefined, false],
  ['citizens do not', citizen, 'study.read', undefined, false],
  ['nor does anyone signed out', null, 'study.read', undefined, false],
  ['the district office plans a visit of any unit', office, 'study.plan', byA(), true],
  ['a street’s admin only of its street’s units', streetOffice, 'study.plan', byA(), false],
  ['… which it may', streetOffice, 'study.plan', { unitPath: `${street}c/` }, true],
  ['the organising unit plans none', staffA, 'study.plan', byA(), false],
  ['the organising unit records its trip done', staffA, 'study.complete', byA('planned'), true],
  ['not twice', staffA, 'study.complete', byA('done'), false],
  ['not another unit’s trip', staffA, 'study.complete', byB('planned'), false],
  ['the office records it too', office, 'study.complete', byB('planned'), true],
  ['the organising unit records practices once the trip is done', staffA, 'study.record', byA('done'), true],
  ['not before', staffA, 'study.record', byA('planned'), false],
  ['not after the report is in', staffA, 'study.record', byA('reported'), false],
  ['not for another unit', staffA, 'study.record', byB('done'), false],
  ['supervisors record nothing', supervisor, 'study.record', byA('done'), false],
  ['the organising unit hands in the report', staffA, 'study.report', byA('done'), true],
  ['once', office, 'study.report', byA('reported'), false],
  ['practices are linked to projects after the report', staffA, 'study.link', byA('reported'), true],
  ['not before the trip', office, 'study.link', byA('planned'), false],
  ['a session’s unit keeps its materials and attendance', staffA, 'session.organise', byA(), true],
  ['the office too', office, 'session.organise', byA(), true],
  ['not another unit’s staff', staffA, 'session.organise', byB(), false],
  ['nor a liaison cadre', liaison, 'session.organise', byA(), false],
  ['any cadre marks their own attendance', liaison, 'session.attend', byB(), true],
  ['supervisors too', supervisor, 'session.attend', byB(), true],
  ['not an outside expert', expert, 'session.attend', byB(), false],
  ['not a citizen', citizen, 'session.attend', byB(), false],
];

describe('study visits and learning policy', () => {
  it.each(table)('%s', (_name, p, action, resource, expected) => {
    expect(canStudy(p, action, resource)).toBe(expected);
  });

  it('asks about some scope, in the status an action starts from', () => {
    expect(mayEverStudy(staffA, 'study.record')).toBe(true);
    expect(mayEverStudy(staffA, 'study.complete')).toBe(true);
    expect(mayEverStudy(staffA, 'study.plan')).toBe(false);
    expect(mayEverStudy(streetOffice, 'study.plan')).toBe(true);
    expect(mayEverStudy(supervisor, 'study.record')).toBe(false);
    expect(mayEverStudy(liaison, 'session.attend')).toBe(true);
    expect(mayEverStudy(citizen, 'study.read')).toBe(false);
    expect(mayEverStudy(null, 'study.read')).toBe(false);
  });
});

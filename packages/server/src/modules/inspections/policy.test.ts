import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canInspect, type InspectionAction, type InspectionResource, mayEverInspect } from './policy.js';

const root = '/r/';
const street = '/r/s/';
const deptA = '/r/a/';
const deptB = '/r/b/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const streetOffice = who('admin', street);
const staffA = who('department_staff', deptA);
const staffAB = principal(['department_staff', deptA], ['department_staff', deptB]);
const supervisor = who('supervisor', root);
const organiser = who('organiser', root);
const enterprise = who('enterprise', root);
const citizen = who('citizen', root);

const ofA: InspectionResource = { unitPaths: [deptA] };
const ofB: InspectionResource = { unitPaths: [deptB] };
const joint: InspectionResource = { unitPaths: [deptA, deptB] };
// The test principal's account is `u`: a visit whose team holds it, one whose team does not.
const onTeam: InspectionResource = { unitPaths: [], status: 'started', team: ['u', 'v'] };
const offTeam: InspectionResource = { unitPaths: [], status: 'started', team: ['v', 'w'] };
const ofOwnFirm: InspectionResource = { unitPaths: [], status: 'completed', team: ['v'], ownFirm: true };

const table: Array<[string, Principal | null, InspectionAction, InspectionResource | undefined, boolean]> = [
  ['staff read the pools', staffA, 'pool.read', undefined, true],
  ['supervisors read them', supervisor, 'pool.read', undefined, true],
  ['the office reads them', office, 'pool.read', undefined, true],
  ['organisers do not', organiser, 'pool.read', undefined, false],
  ['a firm does not', enterprise, 'pool.read', undefined, false],
  ['citizens do not', citizen, 'pool.read', undefined, false],
  ['nor anyone signed out', null, 'pool.read', undefined, false],
  ['a department keeps its items', staffA, 'item.write', ofA, true],
  ['and its sub-units’ items', staffA, 'item.write', { unitPaths: [`${deptA}x/`] }, true],
  ['not another department’s', staffA, 'item.write', ofB, false],
  ['the office keeps any department’s items', office, 'item.write', ofB, true],
  ['a street’s admin keeps none outside the street', streetOffice, 'item.write', ofA, false],
  ['supervisors keep none', supervisor, 'item.write', ofA, false],
  ['nothing without a unit', office, 'item.write', { unitPaths: [] }, false],
  ['a department keeps its inspectors', staffA, 'inspector.write', ofA, true],
  ['not another department’s inspectors', staffA, 'inspector.write', ofB, false],
  ['the office keeps any inspectors', office, 'inspector.write', ofB, true],
  ['supervisors keep no inspectors', supervisor, 'inspector.write', ofA, false],
  ['the district office sets risk levels', office, 'risk.write', undefined, true],
  ['a street’s admin does not', streetOffice, 'risk.write', undefined, false],
  ['a department does not', staffA, 'risk.write', undefined, false],
  ['supervisors do not', supervisor, 'risk.write', undefined, false],
  ['staff read the tasks', staffA, 'task.read', undefined, true],
  ['supervisors read the tasks', supervisor, 'task.read', undefined, true],
  ['firms read them on the public site only', enterprise, 'task.read', undefined, false],
  ['a department defines its own task', staffA, 'task.write', ofA, true],
  ['not another department’s', staffA, 'task.write', ofB, false],
  ['not a joint task with a department it does not serve', staffA, 'task.write', joint, false],
  ['a joint task when it serves every department', staffAB, 'task.write', joint, true],
  ['the office defines joint tasks', office, 'task.write', joint, true],
  ['a street’s admin defines none outside the street', streetOffice, 'task.write', ofA, false],
  ['supervisors define none', supervisor, 'task.write', ofA, false],
  ['nor anyone signed out', null, 'task.write', ofA, false],
  ['staff read the joint plans', staffA, 'plan.read', undefined, true],
  ['supervisors read the joint plans', supervisor, 'plan.read', undefined, true],
  ['firms do not read the plans', enterprise, 'plan.read', undefined, false],
  ['nor do citizens', citizen, 'plan.read', undefined, false],
  ['the district office makes and adjusts plans', office, 'plan.write', undefined, true],
  ['a street’s admin does not', streetOffice, 'plan.write', undefined, false],
  ['a department does not, its plan crossing others', staffAB, 'plan.write', undefined, false],
  ['supervisors do not', supervisor, 'plan.write', undefined, false],
  ['the district office reads every department’s figures', office, 'figures.read', undefined, true],
  ['supervisors read every department’s figures', supervisor, 'figures.read', undefined, true],
  ['a street’s commission does not', who('supervisor', street), 'figures.read', undefined, false],
  ['a department does not read every department’s', staffA, 'figures.read', undefined, false],
  ['a department reads its own figures', staffA, 'figures.read', ofA, true],
  ['not another department’s figures', staffA, 'figures.read', ofB, false],
  ['a street’s admin reads none outside the street', streetOffice, 'figures.read', ofA, false],
  ['the office reads any one department’s', office, 'figures.read', ofB, true],
  ['supervisors read any one department’s', supervisor, 'figures.read', ofB, true],
  ['a firm reads no figures', enterprise, 'figures.read', ofA, false],
  ['nor anyone signed out', null, 'figures.read', ofA, false],
  ['a firm’s staff see their own visits', enterprise, 'visit.mine', undefined, true],
  ['staff have no firm’s visits of their own', staffA, 'visit.mine', undefined, false],
  ['nor anyone signed out', null, 'visit.mine', undefined, false],
  ['a department’s staff may inspect (their visits decide which)', staffA, 'visit.inspect', undefined, true],
  ['the office does not inspect', office, 'visit.inspect', undefined, false],
  ['nor does a firm', enterprise, 'visit.inspect', undefined, false],
  ['an inspector reads a visit they are on', staffA, 'visit.read', onTeam, true],
  ['not one they are not on', staffA, 'visit.read', offTeam, false],
  ['the district office reads any visit', office, 'visit.read', offTeam, true],
  ['a street’s admin does not', streetOffice, 'visit.read', offTeam, false],
  ['supervisors read any visit', supervisor, 'visit.read', offTeam, true],
  ['a firm does not read it as the team does', enterprise, 'visit.read', ofOwnFirm, false],
  ['an inspector records on a visit they are on', staffA, 'visit.record', onTeam, true],
  ['the district office reschedules a visit', office, 'visit.reschedule', offTeam, true],
  ['not a street’s admin', streetOffice, 'visit.reschedule', offTeam, false],
  ['not the team', staffA, 'visit.reschedule', onTeam, false],
  ['not supervisors', supervisor, 'visit.reschedule', offTeam, false],
  ['not the firm', enterprise, 'visit.reschedule', ofOwnFirm, false],
  ['not on one they are not on', staffA, 'visit.record', offTeam, false],
  ['the office records on no visit', office, 'visit.record', offTeam, false],
  ['supervisors record on none (their account is on no team)', supervisor, 'visit.record', offTeam, false],
  ['nor anyone signed out', null, 'visit.record', onTeam, false],
  ['a firm’s staff read their own firm’s results', enterprise, 'visit.result', ofOwnFirm, true],
  ['not another firm’s', enterprise, 'visit.result', { ...ofOwnFirm, ownFirm: false }, false],
  ['the team does not read the firm’s portal', staffA, 'visit.result', { ...onTeam, ownFirm: true }, false],
  ['a firm rates its own completed visit', enterprise, 'visit.rate', ofOwnFirm, true],
  ['not one still under way', enterprise, 'visit.rate', { ...ofOwnFirm, status: 'started' }, false],
  ['not another firm’s', enterprise, 'visit.rate', { ...ofOwnFirm, ownFirm: false }, false],
  ['inspectors rate none', staffA, 'visit.rate', { ...onTeam, status: 'completed' }, false],
  ['a department verifies a rectification of its item', staffA, 'rectification.verify', ofA, true],
  ['and of a sub-unit’s item', staffA, 'rectification.verify', { unitPaths: [`${deptA}x/`] }, true],
  ['not another department’s, team or not', staffA, 'rectification.verify', ofB, false],
  ['the office does not verify for a department', office, 'rectification.verify', ofA, false],
  ['nor a street’s admin', streetOffice, 'rectification.verify', ofA, false],
  ['nor supervisors', supervisor, 'rectification.verify', ofA, false],
  ['nor the firm', enterprise, 'rectification.verify', ofA, false],
  ['nothing without the item’s unit', staffA, 'rectification.verify', { unitPaths: [] }, false],
  ['a department reads a visit to verify its item', staffA, 'visit.readToVerify', ofA, true],
  ['not for another department’s item', staffA, 'visit.readToVerify', ofB, false],
  ['the office reads visits otherwise, not as a verifier', office, 'visit.readToVerify', ofA, false],
  ['nor does the firm', enterprise, 'visit.readToVerify', ofA, false],
];

describe('inspections policy', () => {
  it.each(table)('%s', (_name, p, action, resource, expected) => {
    expect(canInspect(p, action, resource)).toBe(expected);
  });

  it('says who may ever act, for menus and early refusals', () => {
    expect(mayEverInspect(staffA, 'task.write')).toBe(true);
    expect(mayEverInspect(supervisor, 'task.write')).toBe(false);
    expect(mayEverInspect(supervisor, 'task.read')).toBe(true);
    expect(mayEverInspect(staffA, 'risk.write')).toBe(false);
    expect(mayEverInspect(office, 'risk.write')).toBe(true);
    expect(mayEverInspect(citizen, 'pool.read')).toBe(false);
    expect(mayEverInspect(staffA, 'visit.inspect')).toBe(true);
    expect(mayEverInspect(supervisor, 'visit.read')).toBe(true);
    expect(mayEverInspect(streetOffice, 'visit.read')).toBe(false);
    expect(mayEverInspect(staffA, 'rectification.verify')).toBe(true);
    expect(mayEverInspect(office, 'rectification.verify')).toBe(false);
  });
});

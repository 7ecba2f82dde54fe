import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import {
  canProject,
  mayEverProject,
  type ProjectAction,
  type ProjectResource,
  projectScope,
} from './policy-projects.js';

const root = '/r/';
const deptA = '/r/a/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const streetOffice = who('admin', '/r/s/');
const supervisor = who('supervisor', root);
const dept = who('department_staff', deptA);
const firm = who('enterprise', root);
const citizen = who('citizen', root);

const project: ProjectResource = { unitPath: deptA };
const own: ProjectResource = { unitPath: deptA, commissioner: true };

const table: Array<[string, Principal | null, ProjectAction, ProjectResource, boolean]> = [
  ['the office files projects', office, 'project.create', project, true],
  ['and changes them', office, 'project.update', project, true],
  ['and records their stages', office, 'project.recordStage', project, true],
  ['and their funds', office, 'project.recordFunds', project, true],
  ['and sets the monthly new market entities', office, 'entities.set', project, true],
  ['and the stall limits', office, 'projectSettings.configure', project, true],
  ["a street's office does not lead a department's project", streetOffice, 'project.read', project, false],
  ['nor sets district figures', streetOffice, 'entities.set', project, false],
  ['a supervisor reads every project', supervisor, 'project.read', project, true],
  ['and the dashboard', supervisor, 'project.dashboard', project, true],
  ['but records no stage', supervisor, 'project.recordStage', project, false],
  ['nor funds', supervisor, 'project.recordFunds', project, false],
  ['nor files projects', supervisor, 'project.create', project, false],
  ['a commissioner records the stages of their project', dept, 'project.recordStage', own, true],
  ['and its funds', dept, 'project.recordFunds', own, true],
  ['and reads it', dept, 'project.read', own, true],
  ['but does not change its terms', dept, 'project.update', own, false],
  ['nor reads the dashboard', dept, 'project.dashboard', own, false],
  ["nor touches another's project", dept, 'project.recordStage', project, false],
  ['firms see no project, even one naming them commissioner', firm, 'project.read', own, false],
  ['nor do citizens', citizen, 'project.list', own, false],
  ['nor the anonymous', null, 'project.read', project, false],
];

describe('investment project policy', () => {
  it.each(table)('%s', (_, p, action, r, allowed) => {
    expect(canProject(p, action, r)).toBe(allowed);
  });

  it('offers the page to staff who may hold a project, and to no firm', () => {
    expect(mayEverProject(dept, 'project.list')).toBe(true);
    expect(mayEverProject(firm, 'project.list')).toBe(false);
    expect(mayEverProject(supervisor, 'project.create')).toBe(false);
  });

  it('reads whole subtrees for the office and the commission only', () => {
    expect(projectScope(office)).toEqual([root]);
    expect(projectScope(supervisor)).toEqual([root]);
    expect(projectScope(dept)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canReform, mayEverReform, type ReformResource } from './policy.js';

const root = '/r/';
const street = '/r/s/';
const unitA = '/r/a/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const ledA: ReformResource = { unitPath: unitA };
const ledInStreet: ReformResource = { unitPath: `${street}c/` };

// Lowering approved progress is the office's, as approving it was; the lead unit's reports only raise it.
const table: Array<[string, Principal | null, ReformResource, boolean]> = [
  ['the district office corrects any project’s progress', who('admin', root), ledA, true],
  ['a street’s admin corrects its street’s projects', who('admin', street), ledInStreet, true],
  ['… not a project led outside the street', who('admin', street), ledA, false],
  ['the lead unit does not lower its own approved progress', who('department_staff', unitA), ledA, false],
  ['supervisors read, they do not correct', who('supervisor', root), ledA, false],
  ['the campaign’s organisers do not', who('organiser', root), ledA, false],
  ['nor does anyone signed out', null, ledA, false],
];

describe('who corrects approved progress downward (progress.correct)', () => {
  it.each(table)('%s', (_, p, r, allowed) => {
    expect(canReform(p, 'progress.correct', r)).toBe(allowed);
  });

  it('is offered in some scope only to admins', () => {
    expect(mayEverReform(who('admin', street), 'progress.correct')).toBe(true);
    expect(mayEverReform(who('department_staff', unitA), 'progress.correct')).toBe(false);
  });
});

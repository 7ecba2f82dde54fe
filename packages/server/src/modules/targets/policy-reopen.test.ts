import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canTarget } from './policy.js';

// A community under a street: the street's admin is above it.
const unitA = '/r/s/a/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);

describe('plan.reopen: returning an approved plan for revision', () => {
  it.each<[string, Principal, string, boolean]>([
    ['the office reopens an approved plan', who('admin', '/r/'), 'approved', true],
    ['an admin above the unit does too', who('admin', '/r/s/'), 'approved', true],
    ['not the unit’s own admin, who may write the plan itself', who('admin', unitA), 'approved', false],
    ['not another subtree’s admin', who('admin', '/r/b/'), 'approved', false],
    ['not the unit itself', who('department_staff', unitA), 'approved', false],
    ['not a supervisor', who('supervisor', '/r/'), 'approved', false],
    ['not a submitted plan (that is returned)', who('admin', '/r/'), 'submitted', false],
    ['not a draft', who('admin', '/r/'), 'draft', false],
    ['not one already returned', who('admin', '/r/'), 'returned', false],
  ])('%s', (_, p, status, allowed) => {
    expect(canTarget(p, 'plan.reopen', { unitPath: unitA, status })).toBe(allowed);
  });
});

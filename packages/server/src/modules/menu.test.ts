import { describe, expect, it } from 'vitest';
import { menuFor } from '../kernel/menu.js';
import { principal } from '../test-support/principal.js';
import { businessModule } from './business/index.js';
import { ideasModule } from './ideas/index.js';
import { modules } from './registry.js';
import type { Role } from './users/api.js';
import { roles } from './users/api.js';

const root = '/r/';
const expected: Record<Role, string[]> = {
  admin: [
    '/admin',
    '/admin/units',
    '/admin/users',
    '/admin/calendar',
    '/admin/targets/indicators',
    '/admin/targets/benchmarks',
    '/admin/targets/plans',
    '/admin/targets/reports',
    '/admin/targets/scorecards',
    '/admin/targets/regional',
    '/admin/ideas/campaigns',
    '/admin/ideas/screening',
    '/admin/ideas/comments',
    '/admin/ideas/selection',
    '/admin/ideas/actions',
    '/admin/ideas/events',
    '/admin/ideas/dashboard',
    '/admin/ideas/survey',
    '/admin/business/firms',
    '/admin/business/requests',
    '/admin/business/supervision',
    '/admin/business/liaison',
    '/admin/business/surveys',
    '/admin/business/projects',
    '/admin/business/investment',
    '/admin/reforms/projects',
    '/admin/reforms/reports',
    '/admin/reforms/lists',
    '/admin/reforms/battles',
    '/admin/reforms/cases',
    '/admin/reforms/learning',
    '/admin/inspections/tasks',
    '/admin/inspections/plans',
    '/admin/inspections/items',
    '/admin/inspections/inspectors',
    '/admin/inspections/firms',
    '/admin/audit',
  ],
  supervisor: [
    '/admin',
    '/admin/targets/indicators',
    '/admin/targets/plans',
    '/admin/targets/reports',
    '/admin/targets/scorecards',
    '/admin/targets/regional',
    '/admin/business/firms',
    '/admin/business/requests',
    '/admin/business/supervision',
    '/admin/business/liaison',
    '/admin/business/surveys',
    '/admin/business/projects',
    '/admin/business/investment',
    '/admin/reforms/projects',
    '/admin/reforms/reports',
    '/admin/reforms/battles',
    '/admin/reforms/cases',
    '/admin/reforms/learning',
    '/admin/inspections/tasks',
    '/admin/inspections/plans',
    '/admin/inspections/items',
    '/admin/inspections/inspectors',
    '/admin/inspections/firms',
    '/admin/audit',
  ],
  organiser: [
    '/admin',
    '/admin/targets/regional',
    '/admin/ideas/screening',
    '/admin/ideas/comments',
    // The shortlist of their own towns; the review's results and the lists stay the office's.
    '/admin/ideas/selection',
    '/admin/ideas/events',
    '/admin/ideas/dashboard',
    '/admin/ideas/survey',
    '/admin/business/firms',
    '/admin/reforms/learning',
  ],
  screener: [
    '/admin',
    '/admin/targets/regional',
    '/admin/ideas/screening',
    '/admin/ideas/comments',
    '/admin/ideas/dashboard',
    '/admin/ideas/survey',
    '/admin/reforms/learning',
  ],
  expert: ['/admin', '/admin/targets/regional', '/admin/ideas/reviews'],
  department_staff: [
    '/admin',
    '/admin/targets/indicators',
    '/admin/targets/plans',
    '/admin/targets/reports',
    '/admin/targets/regional',
    '/admin/ideas/actions',
    '/admin/business/requests',
    '/admin/business/projects',
    '/admin/reforms/projects',
    '/admin/reforms/reports',
    '/admin/reforms/battles',
    '/admin/reforms/cases',
    '/admin/reforms/learning',
    '/admin/inspections/tasks',
    '/admin/inspections/plans',
    '/admin/inspections/items',
    '/admin/inspections/inspectors',
    '/admin/inspections/firms',
    // The rectifications its department verifies.
    '/admin/inspections/verify',
    '/inspections/visits',
  ],
  // A cadre: the firms paired with them, and their requests.
  liaison: [
    '/admin',
    '/admin/targets/regional',
    '/admin/business/requests',
    '/admin/business/liaison',
    '/admin/reforms/learning',
  ],
  // A firm's staff get no console: their firm's page and their requests on the public site.
  enterprise: ['/ideas/mine', '/firm', '/firm/surveys', '/firm/requests'],
  citizen: ['/ideas/mine'],
};

const paths = (p: ReturnType<typeof principal> | null) => menuFor(p, modules).map((e) => e.path);

describe('the console menu, decided by each module’s policy', () => {
  it.each(roles)('shows %s exactly its pages', (role) => {
    expect(paths(principal([role, root]))).toEqual(expected[role]);
  });

  it('joins the pages of several roles without repeating one', () => {
    expect(paths(principal(['supervisor', root], ['organiser', '/r/s/']))).toEqual([
      '/admin',
      '/admin/targets/indicators',
      '/admin/targets/plans',
      '/admin/targets/reports',
      '/admin/targets/scorecards',
      '/admin/targets/regional',
      '/admin/ideas/screening',
      '/admin/ideas/comments',
      '/admin/ideas/selection',
      '/admin/ideas/events',
      '/admin/ideas/dashboard',
      '/admin/ideas/survey',
      '/admin/business/firms',
      '/admin/business/requests',
      '/admin/business/supervision',
      '/admin/business/liaison',
      '/admin/business/surveys',
      '/admin/business/projects',
      '/admin/business/investment',
      '/admin/reforms/projects',
      '/admin/reforms/reports',
      '/admin/reforms/battles',
      '/admin/reforms/cases',
      '/admin/reforms/learning',
      '/admin/inspections/tasks',
      '/admin/inspections/plans',
      '/admin/inspections/items',
      '/admin/inspections/inspectors',
      '/admin/inspections/firms',
      '/admin/audit',
    ]);
  });

  it('asks the policy, not a role list: a street admin does not set up district campaigns', () => {
    const street = paths(principal(['admin', '/r/s/']));
    expect(street).toContain('/admin/ideas/screening');
    expect(street).not.toContain('/admin/ideas/campaigns');
    // Nor does it keep the district's reform lists, yet it reviews its street's reform reports.
    expect(street).not.toContain('/admin/reforms/lists');
    expect(street).toContain('/admin/reforms/reports');
  });

  it('shows nothing to the anonymous', () => {
    expect(paths(null)).toEqual([]);
  });

  it('labels every page with an i18n key of its module or the console', () => {
    for (const e of ideasModule.menu ?? []) expect(e.label).toMatch(/^ideas\.menu\./);
    for (const e of businessModule.menu ?? []) expect(e.label).toMatch(/^business\.menu\./);
  });
});

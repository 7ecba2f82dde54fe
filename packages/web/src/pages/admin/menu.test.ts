import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../api/types';
import { menuFor, menuItemOf } from './menu';

const expected: Record<Role, string[]> = {
  admin: [
    '/admin',
    '/admin/users',
    '/admin/units',
    '/admin/targets/indicators',
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
    '/admin/audit',
  ],
  supervisor: [
    '/admin',
    '/admin/targets/indicators',
    '/admin/targets/plans',
    '/admin/targets/reports',
    '/admin/targets/scorecards',
    '/admin/targets/regional',
    '/admin/audit',
  ],
  organiser: [
    '/admin',
    '/admin/targets/regional',
    '/admin/ideas/screening',
    '/admin/ideas/comments',
    '/admin/ideas/events',
    '/admin/ideas/dashboard',
    '/admin/ideas/survey',
  ],
  screener: [
    '/admin',
    '/admin/targets/regional',
    '/admin/ideas/screening',
    '/admin/ideas/comments',
    '/admin/ideas/dashboard',
    '/admin/ideas/survey',
  ],
  expert: ['/admin', '/admin/targets/regional', '/admin/ideas/reviews'],
  department_staff: [
    '/admin',
    '/admin/targets/indicators',
    '/admin/targets/plans',
    '/admin/targets/reports',
    '/admin/targets/regional',
    '/admin/ideas/actions',
  ],
  enterprise: [],
  citizen: [],
};

describe('admin menu by role', () => {
  for (const role of roles) {
    it(`shows ${role} exactly its items`, () => {
      expect(menuFor(new Set([role])).map((item) => item.path)).toEqual(expected[role]);
    });
  }

  it('joins the items of several roles without repeating one', () => {
    const paths = menuFor(new Set<Role>(['supervisor', 'organiser'])).map((item) => item.path);
    expect(paths).toEqual([
      '/admin',
      '/admin/targets/indicators',
      '/admin/targets/plans',
      '/admin/targets/reports',
      '/admin/targets/scorecards',
      '/admin/targets/regional',
      '/admin/ideas/screening',
      '/admin/ideas/comments',
      '/admin/ideas/events',
      '/admin/ideas/dashboard',
      '/admin/ideas/survey',
      '/admin/audit',
    ]);
  });

  it('finds the item of a page path, with or without a trailing slash', () => {
    expect(menuItemOf('/admin/users/')?.path).toBe('/admin/users');
    expect(menuItemOf('/admin')?.path).toBe('/admin');
    expect(menuItemOf('/admin/nothing')).toBeUndefined();
  });
});

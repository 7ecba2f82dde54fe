import { describe, expect, it } from 'vitest';
import { menuItemOf, sectionOf } from './menu';

const menu = [
  { path: '/admin', label: 'admin.menu.overview' },
  { path: '/admin/users', label: 'admin.menu.users' },
];

describe('admin menu', () => {
  it('finds the item of a page path, with or without a trailing slash', () => {
    expect(menuItemOf('/admin/users/', menu)?.path).toBe('/admin/users');
    expect(menuItemOf('/admin', menu)?.path).toBe('/admin');
    expect(menuItemOf('/admin/nothing', menu)).toBeUndefined();
  });

  it('finds the list a detail page belongs to, never the overview', () => {
    expect(sectionOf('/admin/users/42', menu)?.path).toBe('/admin/users');
    expect(sectionOf('/admin/units/1', menu)).toBeUndefined();
  });

  it('finds nothing in an empty menu', () => {
    expect(menuItemOf('/admin', [])).toBeUndefined();
  });
});

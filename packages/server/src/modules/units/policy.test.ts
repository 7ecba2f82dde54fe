import { describe, expect, it } from 'vitest';
import { principal } from '../../test-support/principal.js';
import { canUnit, type UnitAction } from './policy.js';

const office = principal(['admin', '/r/']);
const streetAdmin = principal(['admin', '/r/s/']);
const organiser = principal(['organiser', '/r/']);

const table: Array<
  [string, ReturnType<typeof principal> | null, UnitAction, { path: string } | undefined, boolean]
> = [
  ['anyone reads the tree', null, 'unit.read', undefined, true],
  ['office creates anywhere', office, 'unit.create', { path: '/r/t/' }, true],
  ['street admin inside its street', streetAdmin, 'unit.update', { path: '/r/s/v/' }, true],
  ['street admin not elsewhere', streetAdmin, 'unit.delete', { path: '/r/t/' }, false],
  ['organiser never', organiser, 'unit.create', { path: '/r/s/' }, false],
  ['an admin imports', streetAdmin, 'unit.import', undefined, true],
  ['anonymous never imports', null, 'unit.import', undefined, false],
];

describe('units policy', () => {
  it.each(table)('%s', (_name, p, action, target, allowed) => {
    expect(canUnit(p, action, target)).toBe(allowed);
  });
});

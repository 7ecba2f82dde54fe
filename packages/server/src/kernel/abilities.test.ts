import { describe, expect, it } from 'vitest';
import { modules } from '../modules/registry.js';
import { principal } from '../test-support/principal.js';
import { abilitiesFor } from './abilities.js';

const district = '/r/';
const street = '/r/s1/';
const dept = '/r/d1/';

const scopesOf = (p: ReturnType<typeof principal> | null) =>
  Object.fromEntries(abilitiesFor(p, modules).map((a) => [a.action, a.scopes]));

describe('abilities sent with the session', () => {
  it('gives the office every scoped action over its district', () => {
    const scopes = scopesOf(principal(['admin', district]));
    for (const action of ['unit.create', 'unit.update', 'unit.delete', 'unit.import', 'plan.create'])
      expect(scopes[action], action).toEqual([district]);
    expect(scopes['scorecard.publish']).toEqual([district]);
  });

  it("limits a street's admin to the street", () => {
    expect(scopesOf(principal(['admin', street]))['unit.update']).toEqual([street]);
  });

  it('lets a department start a plan for itself only, and change no unit', () => {
    const scopes = scopesOf(principal(['department_staff', dept]));
    expect(scopes['plan.create']).toEqual([dept]);
    expect(scopes['unit.create']).toBeUndefined();
    expect(scopes['library.write']).toBeUndefined();
    expect(scopes['scorecard.compute']).toBeUndefined();
  });

  it('keeps the widest scope when two grants nest', () => {
    const scopes = scopesOf(principal(['department_staff', dept], ['admin', district]));
    expect(scopes['plan.create']).toEqual([district]);
  });

  it('lets a supervisor read the evaluation summary and the routing accuracy, and start nothing', () => {
    const actions = Object.keys(scopesOf(principal(['supervisor', district])));
    expect(actions.sort()).toEqual(['evaluation.summary', 'routing.accuracy']);
  });

  it('gives anonymous callers, screeners and firms none of these', () => {
    expect(abilitiesFor(null, modules)).toEqual([]);
    expect(scopesOf(principal(['screener', district]))).toEqual({});
    expect(scopesOf(principal(['enterprise', district]))).toEqual({});
  });
});

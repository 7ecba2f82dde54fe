import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { principal } from '../../test-support/principal.js';
import type { Role } from '../users/api.js';
import { canRequest, mayEverRequest, type RequestAction, type RequestResource } from './policy.js';

const root = '/r/';
const street = '/r/a/';
const deptA = '/r/d1/';
const deptB = '/r/d2/';
const who = (role: Role, unitPath: string): Principal => principal([role, unitPath]);
const office = who('admin', root);
const supervisor = who('supervisor', root);
const staffA = who('department_staff', deptA);
const staffB = who('department_staff', deptB);
const firm = who('enterprise', street);
const organiser = who('organiser', street);
const cadre = who('liaison', deptB);

const unrouted: RequestResource = { townPath: street, departmentPath: null };
const toA: RequestResource = { townPath: street, departmentPath: deptA };
const ownToA: RequestResource = { ...toA, member: true };

const table: Array<[string, Principal | null, RequestAction, RequestResource, boolean]> = [
  [
    'a firm raises requests for its own firm',
    firm,
    'request.raise',
    { townPath: street, member: true },
    true,
  ],
  ['not for another firm', firm, 'request.raise', unrouted, false],
  ['a firm reads its own request', firm, 'request.read', ownToA, true],
  ["not another firm's", firm, 'request.read', toA, false],
  ['and rates its own answers', firm, 'request.rate', ownToA, true],
  ['but does not route', firm, 'request.route', ownToA, false],
  ['the office routes', office, 'request.route', unrouted, true],
  ['and reads every request', office, 'request.read', toA, true],
  ['and decides extensions', office, 'extension.decide', toA, true],
  ['and appeals', office, 'appeal.decide', toA, true],
  ['but does not answer for a department', office, 'request.answer', toA, false],
  ['nor rate for a firm', office, 'request.rate', ownToA, false],
  ['the department routed to reads it', staffA, 'request.read', toA, true],
  ['and answers it', staffA, 'request.answer', toA, true],
  ['asks for more time', staffA, 'extension.ask', toA, true],
  ['records the rectification', staffA, 'rectification.record', toA, true],
  ['and appeals a rating', staffA, 'rating.appeal', toA, true],
  ['but does not decide its own appeal', staffA, 'appeal.decide', toA, false],
  ['nor its own extension', staffA, 'extension.decide', toA, false],
  ['another department does not read it', staffB, 'request.read', toA, false],
  ['nor answer it', staffB, 'request.answer', toA, false],
  ['nor appeal its ratings', staffB, 'rating.appeal', toA, false],
  ['no department reads one not yet routed', staffA, 'request.read', unrouted, false],
  ['a supervisor reads everything', supervisor, 'request.read', toA, true],
  ['and the unrouted', supervisor, 'request.read', unrouted, true],
  ['but routes nothing', supervisor, 'request.route', unrouted, false],
  ['answers nothing', supervisor, 'request.answer', toA, false],
  ['decides nothing', supervisor, 'appeal.decide', toA, false],
  ['an organiser has no part in requests', organiser, 'request.read', unrouted, false],
  ['the anonymous read nothing', null, 'request.read', toA, false],
  ['the office reads how often routing kept the suggestion', office, 'routing.accuracy', unrouted, true],
  ['so does the commission', supervisor, 'routing.accuracy', unrouted, true],
  ['a department does not', staffA, 'routing.accuracy', toA, false],
  // The figure is the whole district's: a street's admin or commission would read other towns'.
  ["nor a street's admin", who('admin', street), 'routing.accuracy', unrouted, false],
  ["nor a street's commission", who('supervisor', street), 'routing.accuracy', unrouted, false],
  ["a street's admin routes its street's requests", who('admin', street), 'request.route', unrouted, true],
  ['nor a firm', firm, 'routing.accuracy', unrouted, false],
  ['the district office keeps the categories', office, 'category.manage', unrouted, true],
  ["a street's office does not", who('admin', street), 'category.manage', unrouted, false],
  ['the district office sets the scorecard', office, 'scorecard.configure', unrouted, true],
  ["a street's office does not", who('admin', street), 'scorecard.configure', unrouted, false],
  ['nor does a supervisor', supervisor, 'scorecard.configure', unrouted, false],
  ['the commission supervises a request', supervisor, 'supervision.write', toA, true],
  ['the office does not', office, 'supervision.write', toA, false],
  ['the department does not', staffA, 'supervision.write', toA, false],
  ['the department acknowledges reminders on its own requests', staffA, 'supervision.acknowledge', toA, true],
  ["but not another department's", staffB, 'supervision.acknowledge', toA, false],
  ['the commission acknowledges nothing', supervisor, 'supervision.acknowledge', toA, false],
  ['the office reads the supervision', office, 'supervision.read', toA, true],
  ['a firm does not', firm, 'supervision.read', ownToA, false],
  [
    'a cadre raises for a firm paired with them',
    cadre,
    'request.raise',
    { townPath: street, paired: true },
    true,
  ],
  ['not for another firm', cadre, 'request.raise', unrouted, false],
  ['and follows its requests', cadre, 'request.read', { ...toA, paired: true }, true],
  ["but not another firm's", cadre, 'request.read', toA, false],
  ['nor rates for the firm', cadre, 'request.rate', { ...ownToA, paired: true }, false],
  [
    'a department staff paired as if a cadre is not one',
    staffB,
    'request.raise',
    { townPath: street, paired: true },
    false,
  ],
];

describe('request policy', () => {
  it.each(table)('%s', (_name, p, action, resource, expected) => {
    expect(canRequest(p, action, resource)).toBe(expected);
  });

  it.each(['request.list', 'request.export'] as const)(
    '%s is for the office, supervisors, departments, cadres and firms only',
    (action) => {
      for (const role of ['admin', 'supervisor', 'department_staff', 'liaison', 'enterprise'] as const)
        expect(mayEverRequest(who(role, root), action), role).toBe(true);
      for (const role of ['organiser', 'screener', 'expert', 'citizen'] as const)
        expect(mayEverRequest(who(role, root), action), role).toBe(false);
      expect(mayEverRequest(null, action)).toBe(false);
    },
  );
});

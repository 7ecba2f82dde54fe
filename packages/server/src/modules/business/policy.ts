import { hasDistrictRole, hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';

export type BusinessAction =
  | 'firm.list'
  | 'firm.read'
  | 'firm.create'
  | 'firm.update'
  | 'firm.import'
  | 'firm.export'
  | 'firm.manageStaff'
  | 'firm.readOwn'
  | 'firm.portal'
  | 'industry.manage';

/** What a firm check needs: where the firm's town sits in the unit tree, and whether the actor is its staff. */
export interface FirmResource {
  townPath: string;
  /** The actor's account is a member of this firm (business_firm_members). */
  member?: boolean;
  /** The actor is the firm's current liaison cadre. */
  paired?: boolean;
}

/**
 * The office over the firm's town: the district office (admin) or a street's or town's organiser,
 * each inside their own subtree. They keep the registry and invite the firms' staff.
 */
const manages: Rule<FirmResource> = (p, r) =>
  hasRoleOver(p, 'admin', r.townPath) || hasRoleOver(p, 'organiser', r.townPath);
/** The discipline commission reads every firm of its scope and changes none. */
const supervises: Rule<FirmResource> = (p, r) => hasRoleOver(p, 'supervisor', r.townPath);
/** A firm's own staff: an enterprise account that is a member of that firm, and of no other. */
const staffOf: Rule<FirmResource> = (p, r) => r.member === true && hasRole(p, 'enterprise');

/**
 * The business module's access table, deny by default. Later parts add their rows here: a
 * department reads the requests addressed to it, a liaison cadre the firms paired with them.
 */
export const businessPolicy = definePolicy<BusinessAction, FirmResource>({
  'firm.list': (p, r) => manages(p, r) || supervises(p, r),
  'firm.export': (p, r) => manages(p, r) || supervises(p, r),
  // A liaison cadre reads the firms paired with them (their contacts, for visits).
  'firm.read': (p, r) =>
    manages(p, r) || supervises(p, r) || staffOf(p, r) || (r.paired === true && hasRole(p, 'liaison')),
  'firm.create': manages,
  'firm.update': manages,
  'firm.import': manages,
  'firm.manageStaff': manages,
  'firm.readOwn': staffOf,
  // The page of one's own firm is offered to every enterprise account; it says so when the
  // account is no firm's member.
  'firm.portal': (p) => hasRole(p, 'enterprise'),
  // The list of industries is district-wide: only the office at a root of the unit tree keeps it.
  'industry.manage': (p) =>
    !!p && p.grants.some((g) => g.role === 'admin' && g.unitPath.split('/').filter(Boolean).length === 1),
});

export const canBusiness = (p: Principal | null, action: BusinessAction, r: FirmResource): boolean =>
  businessPolicy.can(p, action, r);

/** True when the actor may take `action` on some firm (menus, and refusing a route early). */
export const mayEver = (p: Principal | null, action: BusinessAction): boolean =>
  businessPolicy.mayEver(p, action, (townPath) => ({ townPath }));

/**
 * The subtrees in which the actor may take `action` (lists and exports show the firms whose town
 * lies in one of them): the paths of the grants that the policy admits there.
 */
export const scopeOf = (p: Principal | null, action: BusinessAction): string[] =>
  (p?.grants ?? []).filter((g) => canBusiness(p, action, { townPath: g.unitPath })).map((g) => g.unitPath);

// ── 企业点题 → 部门答题 → 好差评 (parts 3 and 4) ─────────────────────────────────────────────

export type RequestAction =
  | 'request.raise'
  | 'request.read'
  | 'request.list'
  | 'request.export'
  | 'request.route'
  | 'routing.accuracy'
  | 'request.answer'
  | 'extension.ask'
  | 'extension.decide'
  | 'request.rate'
  | 'rectification.record'
  | 'rating.appeal'
  | 'appeal.decide'
  | 'category.manage'
  | 'scorecard.configure'
  | 'supervision.read'
  | 'supervision.write'
  | 'supervision.acknowledge'
  | 'survey.manage'
  | 'survey.results'
  | 'survey.answer';

/**
 * What a request check needs: the firm's town in the unit tree, the department it is routed to
 * (none before routing), and whether the actor is a member of the firm's staff.
 */
export interface RequestResource {
  townPath: string;
  departmentPath?: string | null;
  member?: boolean;
  /** The actor is the firm's liaison cadre (百名干部联千企). */
  paired?: boolean;
}

/** The office (营商环境办, the platform's admin) over the firm's town routes and decides. */
const office: Rule<RequestResource> = (p, r) => hasRoleOver(p, 'admin', r.townPath);
/** The discipline commission (纪委监委) reads every request of its scope and changes none. */
const oversees: Rule<RequestResource> = (p, r) => hasRoleOver(p, 'supervisor', r.townPath);
/** The department the request is routed to: its staff over that unit. */
const department: Rule<RequestResource> = (p, r) =>
  !!r.departmentPath && hasRoleOver(p, 'department_staff', r.departmentPath);
const firmOwn: Rule<RequestResource> = (p, r) => r.member === true && hasRole(p, 'enterprise');
/** The firm's liaison cadre raises requests on its behalf and follows them. */
const cadreOf: Rule<RequestResource> = (p, r) => r.paired === true && hasRole(p, 'liaison');
/** Who lists requests (each sees the list's scope): the office, supervisors, departments, firms, cadres. */
const lists: Rule<RequestResource> = (p, r) =>
  office(p, r) || oversees(p, r) || department(p, r) || hasRole(p, 'enterprise') || hasRole(p, 'liaison');
const districtOffice: Rule<RequestResource> = (p) => hasDistrictRole(p, 'admin');

/**
 * Requests and ratings, deny by default: a firm raises and rates its own requests, the office
 * routes them and decides extensions and appeals, the department they are routed to answers,
 * asks for more time, rectifies and appeals, supervisors read everything.
 */
export const requestPolicy = definePolicy<RequestAction, RequestResource>({
  'request.raise': (p, r) => firmOwn(p, r) || cadreOf(p, r),
  'request.read': (p, r) =>
    office(p, r) || oversees(p, r) || department(p, r) || firmOwn(p, r) || cadreOf(p, r),
  'request.list': lists,
  // The list as a workbook: for those who list, each with the requests their list shows.
  'request.export': lists,
  'request.route': office,
  // How often the office kept the suggested department, over the whole district: for the district
  // office and the district's commission (a town's admin would read other towns' routing).
  'routing.accuracy': (p, r) => districtOffice(p, r) || hasDistrictRole(p, 'supervisor'),
  'request.answer': department,
  'extension.ask': department,
  'extension.decide': office,
  'request.rate': firmOwn,
  'rectification.record': department,
  'rating.appeal': department,
  'appeal.decide': office,
  // The categories and their deadlines are district-wide: the office at a root of the tree.
  'category.manage': districtOffice,
  // So are the published scorecard's deadline, weights and tiers.
  'scorecard.configure': districtOffice,
  // 纪委监督: the commission notes and sends formal reminders (督办); the department acknowledges them.
  'supervision.read': (p, r) => office(p, r) || oversees(p, r) || department(p, r),
  'supervision.write': oversees,
  'supervision.acknowledge': department,
  // 千企万众评效能: the district office runs the surveys, the commission reads their results before
  // they are published, a firm's staff answer for their firm (the public answers by phone, signed out).
  'survey.manage': districtOffice,
  'survey.results': (p, r) => districtOffice(p, r) || hasDistrictRole(p, 'supervisor'),
  'survey.answer': firmOwn,
});

export const canRequest = (p: Principal | null, action: RequestAction, r: RequestResource): boolean =>
  requestPolicy.can(p, action, r);

/** True when the actor may take `action` on some request (menus, and refusing a route early). */
export const mayEverRequest = (p: Principal | null, action: RequestAction): boolean =>
  requestPolicy.mayEver(p, action, (path) => ({
    townPath: path,
    departmentPath: path,
    member: true,
    paired: true,
  }));

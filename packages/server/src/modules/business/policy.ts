import { hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';
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
  'firm.read': (p, r) => manages(p, r) || supervises(p, r) || staffOf(p, r),
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

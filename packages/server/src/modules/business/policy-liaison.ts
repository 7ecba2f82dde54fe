import { hasDistrictRole, hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';

/** 百名干部联千企: pairing cadres with firms, and the cadres' visits. */
export type LiaisonAction =
  | 'liaison.read'
  | 'liaison.assign'
  | 'liaison.configure'
  | 'liaison.remind'
  | 'visit.log'
  | 'visit.read';

/** What a liaison check needs: the firm's town, and whether the actor is its current cadre. */
export interface LiaisonResource {
  townPath: string;
  /** The actor holds the liaison role and is the firm's current cadre. */
  paired?: boolean;
  /** The actor is a member of the firm's staff. */
  member?: boolean;
}

const office: Rule<LiaisonResource> = (p, r) => hasRoleOver(p, 'admin', r.townPath);
const oversees: Rule<LiaisonResource> = (p, r) => hasRoleOver(p, 'supervisor', r.townPath);
/** A cadre sees and visits only the firms paired with them. */
const cadre: Rule<LiaisonResource> = (p, r) => r.paired === true && hasRole(p, 'liaison');
const firmOwn: Rule<LiaisonResource> = (p, r) => r.member === true && hasRole(p, 'enterprise');
const districtOffice: Rule<LiaisonResource> = (p) => hasDistrictRole(p, 'admin');

/**
 * Deny by default: the office over the firm's town pairs and reminds, the district office sets
 * the visit frequency, the firm's cadre logs visits, the commission reads, and a firm's staff see
 * who their cadre is and the visits to their firm.
 */
export const liaisonPolicy = definePolicy<LiaisonAction, LiaisonResource>({
  'liaison.read': (p, r) => office(p, r) || oversees(p, r) || cadre(p, r),
  'liaison.assign': office,
  'liaison.configure': districtOffice,
  'liaison.remind': office,
  'visit.log': cadre,
  'visit.read': (p, r) => office(p, r) || oversees(p, r) || cadre(p, r) || firmOwn(p, r),
});

export const canLiaison = (p: Principal | null, action: LiaisonAction, r: LiaisonResource): boolean =>
  liaisonPolicy.can(p, action, r);

/** True when the actor may take `action` on some firm's pairing (menus, early refusals). */
export const mayEverLiaison = (p: Principal | null, action: LiaisonAction): boolean =>
  liaisonPolicy.mayEver(p, action, (townPath) => ({ townPath, paired: true, member: true }));

/** The subtrees in which the office may take `action` (lists of pairings, proposals). */
export const liaisonScope = (p: Principal | null, action: LiaisonAction): string[] =>
  (p?.grants ?? []).filter((g) => canLiaison(p, action, { townPath: g.unitPath })).map((g) => g.unitPath);

/**
 * A proposed shortlist (入围) for expert review: one suggestion per near-duplicate group, the
 * hottest groups first, up to a quota per domain. The organiser starts from it and adds or
 * removes by hand; see docs/methods/ideas.md.
 */

export interface ShortlistCandidate {
  id: string;
  /** The domain the suggestion counts against (the classifier's, or a screener's correction). */
  domain: string;
  supports: number;
  /** Milliseconds since the epoch: the earlier of equals is the one proposed. */
  createdAt: number;
  /** The near-duplicate group it belongs to (its own id when alone). */
  group: string;
  /** The group's heat: size, supporters and how fast it gathered. */
  groupHeat: number;
}

export type ShortlistReason = 'proposed' | 'same_group' | 'over_quota';

export interface ShortlistEntry {
  id: string;
  reason: ShortlistReason;
  /** Place among its domain's group representatives (1 = first proposed); null for a duplicate. */
  rank: number | null;
  /** For a duplicate: the group's suggestion that is proposed or ranked instead. */
  representative: string | null;
}

export interface ShortlistQuota {
  /** How many per domain unless the domain has its own. */
  perDomain: number;
  byDomain?: Readonly<Record<string, number>>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The proposal: every candidate once, with why it is in or out. Deterministic. */
export function proposeShortlist(
  candidates: readonly ShortlistCandidate[],
  quota: ShortlistQuota,
): ShortlistEntry[] {
  const groups = new Map<string, ShortlistCandidate[]>();
  for (const c of candidates) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const out: ShortlistEntry[] = [];
  const leaders: ShortlistCandidate[] = [];
  for (const members of groups.values()) {
    const [leader, ...rest] = [...members].sort(
      (a, b) => b.supports - a.supports || a.createdAt - b.createdAt || byId(a, b),
    );
    leaders.push(leader!);
    for (const m of rest)
      out.push({ id: m.id, reason: 'same_group', rank: null, representative: leader!.id });
  }
  const byDomain = new Map<string, ShortlistCandidate[]>();
  for (const l of leaders) byDomain.set(l.domain, [...(byDomain.get(l.domain) ?? []), l]);
  for (const [domain, list] of byDomain) {
    const limit = quota.byDomain?.[domain] ?? quota.perDomain;
    list.sort(
      (a, b) =>
        b.groupHeat - a.groupHeat || b.supports - a.supports || a.createdAt - b.createdAt || byId(a, b),
    );
    for (const [i, c] of list.entries())
      out.push({
        id: c.id,
        reason: i < limit ? 'proposed' : 'over_quota',
        rank: i + 1,
        representative: null,
      });
  }
  return out;
}

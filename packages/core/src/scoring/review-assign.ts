/**
 * Assigning reviewers: each item gets k experts, the least loaded first, never one with a
 * conflict of interest, and never more than a cap per expert. Deterministic: ties break by id.
 */

export interface AssignItem {
  id: string;
  /** Experts who may not review this item (own unit, declared conflict, already assigned). */
  excluded: ReadonlySet<string>;
  /** How many more reviewers it needs. */
  need: number;
}

export interface AssignExpert {
  id: string;
  /** Reviews already assigned to the expert in this review. */
  load: number;
}

export interface Assignment {
  item: string;
  expert: string;
}

export interface AssignOptions {
  /** The most reviews one expert may hold, those already assigned included. */
  maxLoad?: number | undefined;
}

/**
 * Greedy and balanced: items with the fewest eligible experts go first (so the scarce experts
 * are not used up by items anyone could take), and each item takes its least loaded eligible
 * experts below the cap. With no exclusions and equal starting loads the loads end within one
 * of each other; what cannot be met under the cap is reported as short, never forced.
 */
export function assignReviewers(
  items: readonly AssignItem[],
  experts: readonly AssignExpert[],
  options: AssignOptions = {},
): { assignments: Assignment[]; short: Array<{ item: string; missing: number }> } {
  const cap = options.maxLoad ?? Number.POSITIVE_INFINITY;
  const load = new Map(experts.map((e) => [e.id, e.load]));
  const ids = [...load.keys()].sort();
  const eligibleCount = (item: AssignItem) => ids.filter((e) => !item.excluded.has(e)).length;
  const ordered = items
    .map((item) => ({ item, eligible: eligibleCount(item) }))
    .sort((a, b) => a.eligible - b.eligible || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  const assignments: Assignment[] = [];
  const short: Array<{ item: string; missing: number }> = [];
  for (const { item } of ordered) {
    if (item.need <= 0) continue;
    const candidates = ids
      .filter((e) => !item.excluded.has(e) && load.get(e)! < cap)
      .sort((a, b) => load.get(a)! - load.get(b)! || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, item.need);
    for (const e of candidates) {
      assignments.push({ item: item.id, expert: e });
      load.set(e, load.get(e)! + 1);
    }
    if (candidates.length < item.need) short.push({ item: item.id, missing: item.need - candidates.length });
  }
  return { assignments, short };
}

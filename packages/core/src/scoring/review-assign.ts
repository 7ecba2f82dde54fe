/**
 * Assigning reviewers: each item gets k experts, the least loaded first, never one with a
 * conflict of interest. Deterministic: ties break by expert id.
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
  /** Reviews already assigned and not yet done. */
  load: number;
}

export interface Assignment {
  item: string;
  expert: string;
}

export function assignReviewers(
  items: readonly AssignItem[],
  experts: readonly AssignExpert[],
): { assignments: Assignment[]; short: Array<{ item: string; missing: number }> } {
  const load = new Map(experts.map((e) => [e.id, e.load]));
  const ids = experts.map((e) => e.id).sort();
  const assignments: Assignment[] = [];
  const short: Array<{ item: string; missing: number }> = [];
  for (const item of items) {
    const candidates = ids
      .filter((e) => !item.excluded.has(e))
      .sort((a, b) => load.get(a)! - load.get(b)! || a.localeCompare(b))
      .slice(0, item.need);
    for (const e of candidates) {
      assignments.push({ item: item.id, expert: e });
      load.set(e, load.get(e)! + 1);
    }
    if (candidates.length < item.need) short.push({ item: item.id, missing: item.need - candidates.length });
  }
  return { assignments, short };
}

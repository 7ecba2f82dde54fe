/**
 * Whether a partial team can still be completed: `slots` more members taken from `rest`
 * must cover the qualifications the team lacks. This is a small set cover, solved exactly
 * by breadth-first search over the subsets of the missing qualifications (at most 30, and
 * in practice a handful; only distinct coverage patterns are explored).
 */
export function canComplete(
  missing: readonly string[],
  rest: ReadonlyArray<{ qualifications: readonly string[] }>,
  slots: number,
): boolean {
  if (rest.length < slots) return false;
  if (missing.length === 0) return true;
  if (slots === 0) return false;
  const bit = new Map(missing.map((q, i) => [q, 1 << i] as const));
  const full = (1 << missing.length) - 1;
  const patterns = new Set<number>();
  for (const member of rest) {
    let mask = 0;
    for (const q of member.qualifications) mask |= bit.get(q) ?? 0;
    if (mask !== 0) patterns.add(mask);
  }
  let reached = new Set<number>([0]);
  for (let step = 0; step < slots; step++) {
    const next = new Set<number>(reached);
    for (const r of reached) {
      for (const p of patterns) {
        const m = r | p;
        if (m === full) return true;
        next.add(m);
      }
    }
    if (next.size === reached.size) return false;
    reached = next;
  }
  return false;
}

/** The qualifications in `required` that no member holds. */
export function missingQualifications(
  required: readonly string[],
  members: ReadonlyArray<{ qualifications: readonly string[] }>,
): string[] {
  const held = new Set(members.flatMap((m) => m.qualifications));
  return required.filter((q) => !held.has(q));
}

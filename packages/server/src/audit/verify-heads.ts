import type { ExpectedHead } from './checkpoint-file.js';

/** Whether the chain passes through one expected head. */
export interface HeadCheck {
  label: string;
  /** The expected seq, or where the hash was found when only the hash was given. */
  seq: number | null;
  hash: string;
  found: boolean;
  /** The chain has another hash at this head's seq: everything up to there was rewritten. */
  differs: boolean;
}

/** Matches the chain's (seq, hash) pairs, as the walk meets them, against the expected heads. */
export class HeadTracker {
  private readonly checks: HeadCheck[];
  private readonly bySeq = new Map<number, HeadCheck[]>();
  private readonly byHash = new Map<string, HeadCheck[]>();

  constructor(heads: readonly ExpectedHead[]) {
    this.checks = heads.map((h) => ({
      label: h.label,
      seq: h.seq ?? null,
      hash: h.hash.toLowerCase(),
      found: false,
      differs: false,
    }));
    for (const c of this.checks) {
      const [map, key] = c.seq === null ? [this.byHash, c.hash] : [this.bySeq, c.seq];
      const list = (map as Map<typeof key, HeadCheck[]>).get(key) ?? [];
      list.push(c);
      (map as Map<typeof key, HeadCheck[]>).set(key, list);
    }
  }

  see(seq: number, hash: string) {
    for (const c of this.bySeq.get(seq) ?? []) {
      if (c.hash === hash) c.found = true;
      else c.differs = true;
    }
    for (const c of this.byHash.get(hash) ?? []) {
      c.found = true;
      c.seq = seq;
    }
  }

  results(): HeadCheck[] {
    return this.checks;
  }
}

/** Why an expected head was not met, in one sentence; undefined when it was. */
export function headProblem(h: HeadCheck, sealed: number, broken: boolean): string | undefined {
  if (h.found) return undefined;
  const name = `${h.label}, head ${h.seq === null ? '' : `${h.seq}:`}${h.hash}`;
  if (h.differs)
    return `${name}: the chain has another hash at seq ${h.seq}, so it was rewritten up to there`;
  if (broken) return `${name}: not reached, the chain breaks before it`;
  if (h.seq !== null && h.seq > sealed)
    return `${name}: the chain ends at seq ${sealed}, so events after it were removed`;
  return `${name}: no sealed event has this hash, so the chain was rewritten or cut short`;
}

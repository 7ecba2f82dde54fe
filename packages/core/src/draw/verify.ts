import { drawInspections } from './draw.js';
import { type DrawInput, type DrawResult, drawResultSchema } from './schema.js';

/** A check a result can fail: the seed's hash, which firms were drawn, or a firm's team. */
export type DrawCheck = 'seed' | 'firms' | 'teams';

/**
 * The verdict: on a failure, the checks that failed (for a reader's own words) and each
 * difference as a line of text naming records by id (for whoever holds the files).
 */
export type DrawVerification = { ok: true } | { ok: false; failed: DrawCheck[]; differences: string[] };

/**
 * Recomputes the draw from its input (with the revealed seed) and compares it with a
 * published result: the seed's hash, the drawn firms, and each firm's team. The order in
 * which visits or team members are listed does not matter; their content does.
 */
export function verifyDraw(input: DrawInput, published: unknown): DrawVerification {
  const result = drawResultSchema.parse(published);
  const expected = drawInspections(input);
  const found = compareDraws(expected, result);
  if (found.length === 0) return { ok: true };
  const failed = (['seed', 'firms', 'teams'] as const).filter((check) =>
    found.some((d) => d.check === check),
  );
  return { ok: false, failed, differences: found.map((d) => d.text) };
}

function compareDraws(expected: DrawResult, actual: DrawResult): Array<{ check: DrawCheck; text: string }> {
  const out: Array<{ check: DrawCheck; text: string }> = [];
  const firms = (text: string) => out.push({ check: 'firms', text });
  if (expected.seedHash !== actual.seedHash.toLowerCase()) {
    out.push({
      check: 'seed',
      text: `seedHash: the seed hashes to ${expected.seedHash}, the result says ${actual.seedHash}`,
    });
  }
  const teams = new Map(expected.visits.map((v) => [v.firm, v.inspectors]));
  const seen = new Set<string>();
  for (const [i, v] of actual.visits.entries()) {
    const want = teams.get(v.firm);
    if (seen.has(v.firm)) {
      firms(`visits[${i}]: firm ${v.firm} is listed twice`);
      continue;
    }
    seen.add(v.firm);
    if (!want) {
      firms(`visits[${i}]: firm ${v.firm} was not drawn`);
    } else if ([...v.inspectors].sort().join('\u0000') !== [...want].sort().join('\u0000')) {
      out.push({
        check: 'teams',
        text: `visits[${i}]: firm ${v.firm} has inspectors ${v.inspectors.join(', ')}, the draw gives ${want.join(', ')}`,
      });
    }
  }
  for (const v of expected.visits) {
    if (!seen.has(v.firm)) firms(`firm ${v.firm} was drawn but is missing from the result`);
  }
  return out;
}

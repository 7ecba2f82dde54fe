import { drawInspections } from './draw.js';
import { type DrawInput, type DrawResult, drawResultSchema } from './schema.js';

export type DrawVerification = { ok: true } | { ok: false; differences: string[] };

/**
 * Recomputes the draw from its input (with the revealed seed) and compares it with a
 * published result: the seed's hash, the drawn firms, and each firm's team. The order in
 * which visits or team members are listed does not matter; their content does.
 */
export function verifyDraw(input: DrawInput, published: unknown): DrawVerification {
  const result = drawResultSchema.parse(published);
  const expected = drawInspections(input);
  const differences = compareDraws(expected, result);
  return differences.length === 0 ? { ok: true } : { ok: false, differences };
}

function compareDraws(expected: DrawResult, actual: DrawResult): string[] {
  const out: string[] = [];
  if (expected.seedHash !== actual.seedHash.toLowerCase()) {
    out.push(`seedHash: the seed hashes to ${expected.seedHash}, the result says ${actual.seedHash}`);
  }
  const teams = new Map(expected.visits.map((v) => [v.firm, v.inspectors]));
  const seen = new Set<string>();
  for (const [i, v] of actual.visits.entries()) {
    const want = teams.get(v.firm);
    if (seen.has(v.firm)) {
      out.push(`visits[${i}]: firm ${v.firm} is listed twice`);
      continue;
    }
    seen.add(v.firm);
    if (!want) {
      out.push(`visits[${i}]: firm ${v.firm} was not drawn`);
    } else if ([...v.inspectors].sort().join('\u0000') !== [...want].sort().join('\u0000')) {
      out.push(
        `visits[${i}]: firm ${v.firm} has inspectors ${v.inspectors.join(', ')}, the draw gives ${want.join(', ')}`,
      );
    }
  }
  for (const v of expected.visits) {
    if (!seen.has(v.firm)) out.push(`firm ${v.firm} was drawn but is missing from the result`);
  }
  return out;
}

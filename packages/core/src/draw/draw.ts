import {
  type DrawInput,
  type DrawResult,
  type DrawVisit,
  drawInputSchema,
  type ParsedDrawInput,
} from './schema.js';
import { sha256Hex } from './sha256.js';
import { compareIds, DrawStream } from './stream.js';
import { canComplete, missingQualifications } from './team.js';

/** A draw that cannot be made as asked (too few firms or eligible inspectors): says which. */
export class DrawError extends Error {
  override name = 'DrawError';
}

type Inspector = ParsedDrawInput['inspectors'][number];

/**
 * The random draw (双随机), algorithm qianxing-draw/1; docs/methods/calendar-draw-schedule.md
 * states it step by step so that anyone can re-implement and verify it.
 *
 * 1. Firms: for each risk level with a count > 0, in code-point order of the level names, take
 *    that level's firms sorted by id and draw the count by a partial Fisher–Yates shuffle:
 *    for i = 0 … k−1, j = i + below(n − i), swap positions i and j; the first k are drawn.
 * 2. Inspectors, for each drawn firm in that order: the inspectors not excluded for it (and,
 *    with maxVisitsPerInspector, not yet at that cap), sorted by id, form the candidate list.
 *    For each of the team's slots: j = below(candidates left); the candidate at j is removed
 *    from the list; it joins the team if the team can still be completed from the list with
 *    the required qualifications, otherwise it is rejected and another is drawn.
 *
 * Every slot is thus filled uniformly at random among the candidates that can still lead to
 * a valid team. An inspector may serve several firms (different visits) unless capped.
 */
export function drawInspections(raw: DrawInput): DrawResult {
  const input = drawInputSchema.parse(raw);
  const stream = new DrawStream(input.seed);
  const required = [...new Set(input.qualifications)].sort(compareIds);
  const excluded = new Set(input.exclusions.map((e) => pairKey(e.inspector, e.firm)));
  const inspectors = [...input.inspectors].sort((a, b) => compareIds(a.id, b.id));
  const m = input.inspectorsPerVisit;

  const levels = Object.keys(input.sample)
    .filter((level) => (input.sample[level] ?? 0) > 0)
    .sort(compareIds);
  const pools = levels.map((level) => {
    const pool = input.firms.filter((f) => f.risk === level).sort((a, b) => compareIds(a.id, b.id));
    const want = input.sample[level] ?? 0;
    if (pool.length < want) {
      throw new DrawError(
        `too few firms of risk level "${level}": ${want} to draw, ${pool.length} in the pool`,
      );
    }
    return { pool, want };
  });

  // Seed-independent check: every firm that could be drawn must be able to get a team.
  const eligibleFor = (firm: string): Inspector[] =>
    inspectors.filter((p) => !excluded.has(pairKey(p.id, firm)));
  const hopeless: string[] = [];
  for (const { pool } of pools) {
    for (const f of pool) {
      const eligible = eligibleFor(f.id);
      if (!canComplete(required, eligible, m)) hopeless.push(`${f.id} (${eligible.length} eligible)`);
    }
  }
  if (hopeless.length > 0) {
    const shown =
      hopeless.slice(0, 10).join(', ') + (hopeless.length > 10 ? `, and ${hopeless.length - 10} more` : '');
    const need = required.length > 0 ? ` holding ${required.join(', ')} between them` : '';
    throw new DrawError(`too few eligible inspectors (need ${m} distinct${need}) for firm ${shown}`);
  }

  const drawnFirms: string[] = [];
  for (const { pool, want } of pools) {
    const ids = pool.map((f) => f.id);
    for (let i = 0; i < want; i++) {
      const j = i + stream.below(ids.length - i);
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      drawnFirms.push(ids[i]!);
    }
  }

  const uses = new Map<string, number>();
  const cap = input.maxVisitsPerInspector ?? Number.POSITIVE_INFINITY;
  const visits: DrawVisit[] = drawnFirms.map((firm) => {
    const candidates = eligibleFor(firm).filter((p) => (uses.get(p.id) ?? 0) < cap);
    const team: Inspector[] = [];
    while (team.length < m) {
      if (candidates.length === 0) {
        throw new DrawError(
          `firm ${firm} has no valid team left: maxVisitsPerInspector ${input.maxVisitsPerInspector} is too low for this draw`,
        );
      }
      const [candidate] = candidates.splice(stream.below(candidates.length), 1) as [Inspector];
      const slotsAfter = m - team.length - 1;
      if (canComplete(missingQualifications(required, [...team, candidate]), candidates, slotsAfter)) {
        team.push(candidate);
      }
    }
    for (const p of team) uses.set(p.id, (uses.get(p.id) ?? 0) + 1);
    return { firm, inspectors: team.map((p) => p.id) };
  });

  return { seedHash: sha256Hex(input.seed), visits };
}

function pairKey(inspector: string, firm: string): string {
  return `${inspector}\u0000${firm}`;
}

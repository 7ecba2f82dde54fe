import { maskNumbersInOptionalText, maskNumbersInText, maskPersonName } from '../../../privacy.js';
import type { Finding, Visit } from '../contracts-visits.js';

const maskFinding = (f: Finding): Finding => ({
  ...f,
  note: maskNumbersInText(f.note),
  requirement: maskNumbersInOptionalText(f.requirement),
  rectificationNote: maskNumbersInOptionalText(f.rectificationNote),
  returnReason: maskNumbersInOptionalText(f.returnReason),
});

/**
 * A completed visit as the staff of a department that verifies some of its rectifications read
 * it without being on its team: their own items only, with the findings and photos they verify;
 * the team's names masked and the free text's phone and ID numbers masked, as every list shows
 * them; no check code (the visit is over) and no step to take.
 */
export function forVerifier(detail: Omit<Visit, 'allowed'>, itemIds: readonly string[]): Visit {
  const mine = new Set(itemIds);
  return {
    ...detail,
    code: '',
    team: detail.team.map((m) => ({ name: maskPersonName(m.name) ?? '', unit: m.unit })),
    items: detail.items
      .filter((i) => mine.has(i.id))
      .map((i) => ({ ...i, finding: i.finding && maskFinding(i.finding) })),
    rating: detail.rating && { ...detail.rating, comment: maskNumbersInOptionalText(detail.rating.comment) },
    moves: detail.moves.map((m) => ({ ...m, reason: maskNumbersInText(m.reason) })),
    allowed: [],
  };
}

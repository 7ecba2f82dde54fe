import type { AttachmentView } from '../../../kernel/attachments.js';
import { maskNumbersInOptionalText, maskNumbersInText, maskPersonName } from '../../../privacy.js';
import type { Finding, Visit } from '../contracts-visits.js';
import { maskedPhotoName } from './photo-names.js';

/**
 * A photo's name with the visit's people's names and phone and ID numbers masked: photos are
 * often named after whom they concern.
 */
const maskedPhoto =
  (people: readonly string[]) =>
  (a: AttachmentView): AttachmentView => ({
    ...a,
    fileName: maskedPhotoName(a.fileName, people),
  });

const maskFinding = (f: Finding, people: readonly string[]): Finding => ({
  ...f,
  note: maskNumbersInText(f.note),
  requirement: maskNumbersInOptionalText(f.requirement),
  rectificationNote: maskNumbersInOptionalText(f.rectificationNote),
  returnReason: maskNumbersInOptionalText(f.returnReason),
  photos: f.photos.map(maskedPhoto(people)),
  rectificationPhotos: f.rectificationPhotos.map(maskedPhoto(people)),
});

/**
 * A completed visit as the staff of a department that verifies some of its rectifications read
 * it without being on its team: their own items only, with the findings and photos they verify;
 * the team's names masked and the phone and ID numbers in the free text and the photos' names
 * masked (the photos' names also the names of the visit's `people`), as every list shows them;
 * no check code (the visit is over) and no step to take.
 */
export function forVerifier(
  detail: Omit<Visit, 'allowed'>,
  itemIds: readonly string[],
  people: readonly string[],
): Visit {
  const mine = new Set(itemIds);
  return {
    ...detail,
    code: '',
    team: detail.team.map((m) => ({ name: maskPersonName(m.name) ?? '', unit: m.unit })),
    items: detail.items
      .filter((i) => mine.has(i.id))
      .map((i) => ({ ...i, finding: i.finding && maskFinding(i.finding, people) })),
    rating: detail.rating && { ...detail.rating, comment: maskNumbersInOptionalText(detail.rating.comment) },
    moves: detail.moves.map((m) => ({ ...m, reason: maskNumbersInText(m.reason) })),
    allowed: [],
  };
}

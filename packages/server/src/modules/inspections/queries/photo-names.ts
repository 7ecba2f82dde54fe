import type { Db } from '../../../db/client.js';
import { type Tx, transaction } from '../../../db/transaction.js';
import type { AttachmentRules } from '../../../kernel/attachments.js';
import { maskingFields, maskNamesInText, maskNumbersInText } from '../../../privacy.js';
import { firmMemberIds } from '../../business/api.js';
import { displayNames } from '../../users/api.js';
import { accountsOfInspectors } from '../commands/visit-common.js';

interface VisitPeople {
  inspectorIds: readonly string[];
  firmId: string;
}

/**
 * The people a visit's photos are most often named after, by display name: its team, who take
 * the finding's photos, and its firm's staff, who send the rectification's (张三-整改.jpg).
 */
export async function peopleOfVisit(tx: Tx, visit: VisitPeople): Promise<string[]> {
  const ids = [
    ...(await accountsOfInspectors(tx, visit.inspectorIds)),
    ...(await firmMemberIds(tx, visit.firmId)),
  ];
  return [...(await displayNames(tx, ids)).values()];
}

/** The same, read in a transaction of its own (a view outside any write). */
export const peopleOfVisitNow = (db: Db, visit: VisitPeople): Promise<string[]> =>
  transaction(db, (tx) => peopleOfVisit(tx, visit));

/** A photo's name with those people's names and any phone or ID number masked, as lists show them. */
export const maskedPhotoName = (fileName: string, names: readonly string[]): string =>
  maskNamesInText(maskNumbersInText(fileName), names);

/**
 * `rules` whose audit entries keep the file's name masked as {@link maskedPhotoName} masks it:
 * `learn`, run in the photo's write, reads the visit's people as they are then, before the entry
 * is written in the same transaction.
 */
export function maskingPeople(rules: AttachmentRules, visit: VisitPeople) {
  let names: readonly string[] = [];
  return {
    rules: { ...rules, maskForAudit: maskingFields({ fileName: (n) => maskedPhotoName(n, names) }) },
    learn: async (tx: Tx) => {
      names = await peopleOfVisit(tx, visit);
    },
  };
}

import { maskNumbersInText, maskPersonName, maskPhone } from '../../privacy.js';
import type { PublicSuggestion } from './contracts.js';
import type { SuggestionRow } from './queries/lookup.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** A suggestion as anyone may read it: a phone or ID number typed into its text is masked. */
export const publicView = (
  r: Pick<
    SuggestionRow,
    | 'id'
    | 'title'
    | 'body'
    | 'domain'
    | 'townId'
    | 'authorKind'
    | 'channel'
    | 'status'
    | 'mergedInto'
    | 'supports'
    | 'createdAt'
  >,
): PublicSuggestion => ({
  id: r.id,
  title: maskNumbersInText(r.title),
  body: maskNumbersInText(r.body),
  domain: r.domain,
  townId: r.townId,
  authorKind: r.authorKind,
  channel: r.channel,
  status: r.status,
  mergedInto: r.mergedInto,
  supports: r.supports,
  createdAt: iso(r.createdAt),
});

/** What staff who screen see: the public view plus masked contact details (PIPL). */
export const staffView = (r: SuggestionRow) => ({
  ...publicView(r),
  domainConfidence: r.domainConfidence,
  domainConfirmed: r.domainConfirmed,
  rejectReason: r.rejectReason,
  eventId: r.eventId,
  hasAuthorAccount: r.authorUserId !== null,
  realName: maskName(r.realName),
  phone: maskPhone(r.phone),
});

/**
 * 张** : the family name only, as every other list masks a person's name (spaces around it, kept
 * by older rows and imports, are not the name; a name of spaces is none).
 */
export const maskName = (name: string | null): string | null => maskPersonName(name);

/** Near-duplicates as a reader sees them: a number typed into a title is masked there too. */
export const maskedSimilar = <T extends { title: string }>(items: readonly T[]): T[] =>
  items.map((s) => ({ ...s, title: maskNumbersInText(s.title) }));

export { iso };

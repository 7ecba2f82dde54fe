import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import * as kit from '../../../kernel/attachments.js';
import type { Attachment } from '../contracts.js';
import { canIdea } from '../policy.js';
import { ideaSuggestions } from '../schema.js';
import { unitIndex } from './lookup.js';

/** Scans of paper suggestions (书面议): <data>/files/ideas/<suggestion>/<attachment id>. */
export const rules: kit.AttachmentRules = {
  area: 'ideas',
  kinds: [fileKinds.pdf, fileKinds.png, fileKinds.jpeg],
  actions: { add: 'attachment.add', remove: 'attachment.remove' },
  auditAs: 'owner',
  // A scan is often named after its author (张三-13812345678.pdf).
  maskForAudit: kit.fileNameMaskedForAudit,
};
export const owner = (suggestionId: string): kit.Owner => ({ kind: 'suggestion', id: suggestionId });

/** The town path of a suggestion, or not-found when the actor may not read it. */
export async function suggestionPath(ctx: ServiceContext, suggestionId: string): Promise<string> {
  const [s] = await ctx.db
    .select({ townId: ideaSuggestions.townId })
    .from(ideaSuggestions)
    .where(eq(ideaSuggestions.id, suggestionId));
  const path = s ? (await unitIndex(ctx.db)).get(s.townId)?.path : undefined;
  if (!path || !canIdea(ctx.principal, 'suggestion.staffRead', path)) throw notFound('suggestion');
  return path;
}

export const listAttachments = (db: Db, suggestionId: string): Promise<Attachment[]> =>
  kit.listAttachments(db, owner(suggestionId));

/** An attachment of a suggestion the actor may read, with the suggestion's town path. */
export async function loadAttachment(ctx: ServiceContext, id: string) {
  const a = await kit.findAttachment(ctx.db, id, 'suggestion');
  const path = await suggestionPath(ctx, a.ownerId).catch(() => {
    throw notFound('attachment');
  });
  return { a, path };
}

/** The bytes, to staff who may read the suggestion (never to experts: a scan shows the author). */
export async function readAttachment(ctx: ServiceContext, id: string) {
  return kit.readAttachment((await loadAttachment(ctx, id)).a);
}

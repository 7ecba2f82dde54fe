import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import * as kit from '../../../kernel/attachments.js';
import { maskNamesInText, maskNumbersInText } from '../../../privacy.js';
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

/**
 * A scan's name as staff read the suggestion (`staffView`): its author's name and any phone or ID
 * number in it masked, as they are in the suggestion's own fields, in its download's name too.
 */
const maskedScanName = (fileName: string, realName: string | null) =>
  maskNamesInText(maskNumbersInText(fileName), [realName]);

/** The scans of a suggestion, named as its screening view masks them. */
export async function listAttachments(
  db: Db,
  suggestion: { id: string; realName: string | null },
): Promise<Attachment[]> {
  const files = await kit.listAttachments(db, owner(suggestion.id));
  return files.map((a) => ({ ...a, fileName: maskedScanName(a.fileName, suggestion.realName) }));
}

/** An attachment of a suggestion the actor may read, with the suggestion's town path. */
export async function loadAttachment(ctx: ServiceContext, id: string) {
  const a = await kit.findAttachment(ctx.db, id, 'suggestion');
  const path = await suggestionPath(ctx, a.ownerId).catch(() => {
    throw notFound('attachment');
  });
  return { a, path };
}

/**
 * The bytes, to staff who may read the suggestion (never to experts: a scan shows the author),
 * under the name the suggestion's view gives it.
 */
export async function readAttachment(ctx: ServiceContext, id: string) {
  const { a } = await loadAttachment(ctx, id);
  const [s] = await ctx.db
    .select({ realName: ideaSuggestions.realName })
    .from(ideaSuggestions)
    .where(eq(ideaSuggestions.id, a.ownerId));
  const file = await kit.readAttachment(a);
  return { ...file, fileName: maskedScanName(file.fileName, s?.realName ?? null) };
}

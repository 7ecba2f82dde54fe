import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden, notFound } from '../../../errors.js';
import { fileKinds, storedFileFields } from '../../../files/store.js';
import * as kit from '../../../kernel/attachments.js';
import { canIdea } from '../policy.js';
import { ideaSuggestions } from '../schema.js';
import { unitIndex } from './lookup.js';

/** Scans of paper suggestions (书面议): <data>/files/ideas/<suggestion>/<attachment id>. */
const rules: kit.AttachmentRules = {
  area: 'ideas',
  kinds: [fileKinds.pdf, fileKinds.png, fileKinds.jpeg],
  actions: { add: 'attachment.add', remove: 'attachment.remove' },
  auditAs: 'owner',
};
const owner = (suggestionId: string): kit.Owner => ({ kind: 'suggestion', id: suggestionId });

export const Attachment = z.object(storedFileFields).openapi('IdeaAttachment');
export type Attachment = z.infer<typeof Attachment>;

/** The town path of a suggestion, or not-found when the actor may not read it. */
async function suggestionPath(ctx: ServiceContext, suggestionId: string): Promise<string> {
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

/** Attaches a scan; the file is on disk before its row commits, and removed if the row fails. */
export async function addAttachment(
  ctx: ServiceContext,
  suggestionId: string,
  upload: () => Promise<kit.Upload>,
): Promise<Attachment> {
  const path = await suggestionPath(ctx, suggestionId);
  if (!canIdea(ctx.principal, 'suggestion.submitWritten', path)) throw forbidden();
  return kit.addAttachment(ctx, owner(suggestionId), rules, upload);
}

async function loadAttachment(ctx: ServiceContext, id: string) {
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

export async function removeAttachment(ctx: ServiceContext, id: string): Promise<void> {
  const { a, path } = await loadAttachment(ctx, id);
  if (!canIdea(ctx.principal, 'suggestion.submitWritten', path)) throw forbidden();
  await kit.removeAttachment(ctx, a, rules);
}

import { z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { transaction } from '../../db/transaction.js';
import { forbidden, notFound } from '../../errors.js';
import {
  checkUpload,
  fileKinds,
  readStoredFile,
  removeStoredFile,
  storedFileFields,
  storedFileMaxBytes,
  storeThenCommit,
  type Upload,
} from '../../files/store.js';
import { unitIndex } from './lookup.js';
import { canIdea } from './policy.js';
import { ideaAttachments, ideaSuggestions } from './schema.js';

/** Scans of paper suggestions (书面议): <data>/files/ideas/<suggestion>/<attachment id>. */
const AREA = 'ideas';
const scanKinds = [fileKinds.pdf, fileKinds.png, fileKinds.jpeg];

export const Attachment = z.object(storedFileFields).openapi('IdeaAttachment');
export type Attachment = z.infer<typeof Attachment>;

const view = (a: typeof ideaAttachments.$inferSelect): Attachment => ({
  id: a.id,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  createdAt: a.createdAt.toISOString(),
});

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

export async function listAttachments(db: Db, suggestionId: string): Promise<Attachment[]> {
  const rows = await db
    .select()
    .from(ideaAttachments)
    .where(eq(ideaAttachments.suggestionId, suggestionId))
    .orderBy(asc(ideaAttachments.createdAt));
  return rows.map(view);
}

/** Attaches a scan; the file is on disk before its row commits, and removed if the row fails. */
export async function addAttachment(
  ctx: ServiceContext,
  suggestionId: string,
  upload: () => Promise<Upload>,
): Promise<Attachment> {
  const path = await suggestionPath(ctx, suggestionId);
  if (!canIdea(ctx.principal, 'suggestion.submitWritten', path)) throw forbidden();
  const file = checkUpload(await upload(), scanKinds, storedFileMaxBytes);
  const id = crypto.randomUUID();
  const key = `${suggestionId}/${id}`;
  return storeThenCommit(AREA, key, file.bytes, () =>
    transaction(ctx.db, async (tx) => {
      const [row] = await tx
        .insert(ideaAttachments)
        .values({
          id,
          suggestionId,
          fileName: file.fileName,
          mediaType: file.mediaType,
          size: file.bytes.byteLength,
          sha256: file.sha256,
          uploadedBy: ctx.principal!.userId,
        })
        .returning();
      await audit(tx, actor(ctx), {
        action: 'attachment.add',
        entityType: 'suggestion',
        entityId: suggestionId,
        after: { ...view(row!), sha256: file.sha256 },
      });
      return view(row!);
    }),
  );
}

async function loadAttachment(ctx: ServiceContext, id: string) {
  const [a] = await ctx.db.select().from(ideaAttachments).where(eq(ideaAttachments.id, id));
  if (!a) throw notFound('attachment');
  const path = await suggestionPath(ctx, a.suggestionId).catch(() => {
    throw notFound('attachment');
  });
  return { a, path };
}

/** The bytes, to staff who may read the suggestion (never to experts: a scan shows the author). */
export async function readAttachment(ctx: ServiceContext, id: string) {
  const { a } = await loadAttachment(ctx, id);
  const bytes = await readStoredFile(AREA, `${a.suggestionId}/${a.id}`);
  return { fileName: a.fileName, mediaType: a.mediaType, bytes };
}

export async function removeAttachment(ctx: ServiceContext, id: string): Promise<void> {
  const { a, path } = await loadAttachment(ctx, id);
  if (!canIdea(ctx.principal, 'suggestion.submitWritten', path)) throw forbidden();
  await transaction(ctx.db, async (tx) => {
    await tx.delete(ideaAttachments).where(eq(ideaAttachments.id, id));
    await audit(tx, actor(ctx), {
      action: 'attachment.remove',
      entityType: 'suggestion',
      entityId: a.suggestionId,
      before: view(a),
    });
  });
  await removeStoredFile(AREA, `${a.suggestionId}/${a.id}`);
}

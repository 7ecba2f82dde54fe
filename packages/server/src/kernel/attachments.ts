import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import { actor, type ServiceContext } from '../context.js';
import type { Db } from '../db/client.js';
import { type Tx, transaction } from '../db/transaction.js';
import { notFound } from '../errors.js';
import {
  checkUpload,
  type FileKind,
  readStoredFile,
  removeStoredFile,
  storedFileFields,
  storedFileMaxBytes,
  storeThenCommit,
  type Upload,
} from '../files/store.js';
import { maskingFields, maskNumbersInText } from '../privacy.js';
import { titleLookup } from './audit-titles.js';
import { attachments } from './schema.js';

export type { Upload };

/** Whose file it is: the kind of record (`suggestion`, `report`, …) and its id. */
export interface Owner {
  kind: string;
  id: string;
}

/** What a module allows for its owners' files and how their audit events read. */
export interface AttachmentRules {
  /** The file-store folder of the module's files. */
  area: string;
  kinds: readonly FileKind[];
  maxBytes?: number;
  /** Audit actions for adding and removing, e.g. `evidence.add`. */
  actions: { add: string; remove: string };
  /** What an audit event names: the owner, or the attachment itself as an entity of this type. */
  auditAs: 'owner' | { entityType: string };
  /** How the module's audit log masks a file's entry: its name may hold a person's name or phone. */
  maskForAudit?: <T>(entry: T) => T;
}

/**
 * A file's audit entry with any phone or ID number in its name masked, for a module whose own
 * audit masking has nothing else to say of its files: a scan or a photo is often named after
 * whoever it concerns (张三-13812345678.jpg).
 */
export const fileNameMaskedForAudit = maskingFields({ fileName: maskNumbersInText });

/**
 * Runs first in the write's transaction and throws when the owner may no longer change (a visit
 * completed meanwhile): the owner's check before the upload alone would let a racing write land.
 */
export type Hold = (tx: Tx) => Promise<void>;

export const AttachmentView = z.object(storedFileFields).openapi('Attachment');
export type AttachmentView = z.infer<typeof AttachmentView>;
export type AttachmentRow = typeof attachments.$inferSelect;

export const attachmentView = (a: AttachmentRow): AttachmentView => ({
  id: a.id,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  createdAt: a.createdAt.toISOString(),
});

const entity = (rules: AttachmentRules, a: Pick<AttachmentRow, 'id' | 'ownerKind' | 'ownerId'>) =>
  rules.auditAs === 'owner'
    ? { entityType: a.ownerKind, entityId: a.ownerId }
    : { entityType: rules.auditAs.entityType, entityId: a.id };

const masked = <T>(rules: AttachmentRules, entry: T): T => rules.maskForAudit?.(entry) ?? entry;

export async function listAttachments(db: Db, owner: Owner): Promise<AttachmentView[]> {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerKind, owner.kind), eq(attachments.ownerId, owner.id)))
    .orderBy(asc(attachments.createdAt));
  return rows.map(attachmentView);
}

/** The stored row, for the module to authorise against its owner; not found when of another kind. */
export async function findAttachment(db: Db, id: string, ownerKind: string): Promise<AttachmentRow> {
  const [a] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.ownerKind, ownerKind)));
  if (!a) throw notFound('attachment');
  return a;
}

/**
 * Checks the file (type sniffed from its first bytes, size, SHA-256), writes it under a
 * temporary name and renames it before its row and audit event commit; removes it again if they
 * fail. The caller has authorised the actor against the owner.
 */
export async function addAttachment(
  ctx: ServiceContext,
  owner: Owner,
  rules: AttachmentRules,
  upload: () => Promise<Upload>,
  hold?: Hold,
): Promise<AttachmentView> {
  const file = checkUpload(await upload(), rules.kinds, rules.maxBytes ?? storedFileMaxBytes);
  const id = crypto.randomUUID();
  const storageKey = `${owner.id}/${id}`;
  return storeThenCommit(rules.area, storageKey, file.bytes, () =>
    transaction(ctx.db, async (tx) => {
      await hold?.(tx);
      const [row] = await tx
        .insert(attachments)
        .values({
          id,
          ownerKind: owner.kind,
          ownerId: owner.id,
          area: rules.area,
          storageKey,
          fileName: file.fileName,
          mediaType: file.mediaType,
          size: file.bytes.byteLength,
          sha256: file.sha256,
          uploadedBy: ctx.principal?.userId ?? null,
        })
        .returning();
      await audit(tx, actor(ctx), {
        action: rules.actions.add,
        ...entity(rules, row!),
        after: masked(rules, { ...attachmentView(row!), sha256: file.sha256 }),
      });
      return attachmentView(row!);
    }),
  );
}

/** The bytes of an attachment the caller has authorised. */
export async function readAttachment(a: AttachmentRow) {
  const bytes = await readStoredFile(a.area, a.storageKey);
  return { fileName: a.fileName, mediaType: a.mediaType, bytes };
}

/** Removes the row with its audit event, then the bytes. */
export async function removeAttachment(
  ctx: ServiceContext,
  a: AttachmentRow,
  rules: AttachmentRules,
  hold?: Hold,
) {
  await transaction(ctx.db, async (tx) => {
    await hold?.(tx);
    const removed = await tx
      .delete(attachments)
      .where(eq(attachments.id, a.id))
      .returning({ id: attachments.id });
    // Removed meanwhile by another request, which audited it: this one changed nothing.
    if (removed.length === 0) throw notFound('attachment');
    await audit(tx, actor(ctx), {
      action: rules.actions.remove,
      ...entity(rules, a),
      before: masked(rules, attachmentView(a)),
    });
  });
  await removeStoredFile(a.area, a.storageKey);
}

/**
 * The audit log's title of an attachment audited as itself: its file name (no page of its own),
 * with any phone or ID number in it masked, as the log's entries and every list show them.
 */
export const attachmentTitles = titleLookup(
  (db, ids) =>
    db
      .select({ id: attachments.id, fileName: attachments.fileName })
      .from(attachments)
      .where(inArray(attachments.id, ids)),
  (a) => ({ title: maskNumbersInText(a.fileName) }),
);

import { eq } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import { transaction } from '../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import {
  checkUpload,
  fileKinds,
  readStoredFile,
  removeStoredFile,
  storedFileMaxBytes,
  storeThenCommit,
  type Upload,
} from '../../files/store.js';
import { canTarget } from './policy.js';
import { loadReport } from './reports.js';
import { targetEvidence } from './schema.js';

/** Evidence files: <data>/files/targets/<report>/<evidence id>. */
const AREA = 'targets';
const evidenceKinds = [fileKinds.pdf, fileKinds.png, fileKinds.jpeg, fileKinds.docx, fileKinds.xlsx];

export type { Upload };

export async function addEvidence(ctx: ServiceContext, reportId: string, upload: () => Promise<Upload>) {
  const { row, plan, unit } = await loadReport(ctx.db, reportId);
  const r = { unitPath: unit.path, status: row.status, planStatus: plan.status };
  if (!canTarget(ctx.principal, 'report.read', r)) throw notFound('report');
  if (!canTarget(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canTarget(ctx.principal, 'report.edit', r))
    throw new AppError('INVALID_STATE', `the report is ${row.status}`);
  const file = checkUpload(await upload(), evidenceKinds, storedFileMaxBytes);
  const id = crypto.randomUUID();
  const storageKey = `${reportId}/${id}`;
  const entry = {
    id,
    reportId,
    fileName: file.fileName,
    mediaType: file.mediaType,
    size: file.bytes.byteLength,
    sha256: file.sha256,
    storageKey,
    uploadedBy: ctx.principal!.userId,
  };
  await storeThenCommit(AREA, storageKey, file.bytes, () =>
    transaction(ctx.db, async (tx) => {
      await tx.insert(targetEvidence).values(entry);
      await audit(tx, actor(ctx), {
        action: 'evidence.add',
        entityType: 'evidence',
        entityId: id,
        after: entry,
      });
    }),
  );
  return {
    id,
    fileName: entry.fileName,
    mediaType: entry.mediaType,
    size: entry.size,
    createdAt: new Date().toISOString(),
  };
}

async function loadEvidence(ctx: ServiceContext, id: string) {
  const [e] = await ctx.db.select().from(targetEvidence).where(eq(targetEvidence.id, id));
  if (!e) throw notFound('evidence');
  const report = await loadReport(ctx.db, e.reportId);
  const r = { unitPath: report.unit.path, status: report.row.status, planStatus: report.plan.status };
  if (!canTarget(ctx.principal, 'report.read', r)) throw notFound('evidence');
  return { e, r };
}

/** The bytes, to those who may read the report only. */
export async function readEvidence(ctx: ServiceContext, id: string) {
  const { e } = await loadEvidence(ctx, id);
  const bytes = await readStoredFile(AREA, e.storageKey);
  return { fileName: e.fileName, mediaType: e.mediaType, bytes };
}

export async function removeEvidence(ctx: ServiceContext, id: string): Promise<void> {
  const { e, r } = await loadEvidence(ctx, id);
  if (!canTarget(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canTarget(ctx.principal, 'report.edit', r))
    throw new AppError('INVALID_STATE', `the report is ${r.status}`);
  await transaction(ctx.db, async (tx) => {
    await tx.delete(targetEvidence).where(eq(targetEvidence.id, id));
    await audit(tx, actor(ctx), {
      action: 'evidence.remove',
      entityType: 'evidence',
      entityId: id,
      before: e,
    });
  });
  await removeStoredFile(AREA, e.storageKey);
}

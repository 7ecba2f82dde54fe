import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { limits } from '@qianxing/core/limits';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { loadConfig } from '../../config.js';
import { actor, type ServiceContext } from '../../context.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { canTarget } from './policy.js';
import { loadReport } from './reports.js';
import { targetEvidence } from './schema.js';

/** Evidence files live in the data folder: <dataDir>/files/targets/<report>/<evidence id>. */
const filesRoot = () => join(loadConfig().dataDir, 'files', 'targets');

/** Accepted evidence by its first bytes, never by the name or the declared type. */
const kinds: Array<{ mediaType: string; ext: string[]; magic: number[] }> = [
  { mediaType: 'application/pdf', ext: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  { mediaType: 'image/png', ext: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { mediaType: 'image/jpeg', ext: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: ['docx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: ['xlsx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];
export const evidenceMaxBytes = Math.min(limits.uploadBytes, 10 * 1024 * 1024);

function kindOf(fileName: string, bytes: Uint8Array) {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return kinds.find((k) => k.ext.includes(ext) && k.magic.every((b, i) => bytes[i] === b));
}

const safeName = (name: string) =>
  [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .slice(-120)
    .trim() || 'file';

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export async function addEvidence(ctx: ServiceContext, reportId: string, upload: () => Promise<Upload>) {
  const { row, plan, unit } = await loadReport(ctx.db, reportId);
  const r = { unitPath: unit.path, status: row.status, planStatus: plan.status };
  if (!canTarget(ctx.principal, 'report.read', r)) throw notFound('report');
  if (!canTarget(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canTarget(ctx.principal, 'report.edit', r))
    throw new AppError('INVALID_STATE', `the report is ${row.status}`);
  const file = await upload();
  if (file.bytes.byteLength === 0)
    throw new AppError('VALIDATION', 'the file is empty', [{ path: 'file', message: 'empty' }]);
  if (file.bytes.byteLength > evidenceMaxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `at most ${evidenceMaxBytes} bytes`);
  const kind = kindOf(file.name, file.bytes);
  if (!kind)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'PDF, PNG, JPEG, DOCX or XLSX only', [
      { path: 'file', message: 'type not accepted' },
    ]);
  const id = crypto.randomUUID();
  const storageKey = `${reportId}/${id}`;
  const path = join(filesRoot(), storageKey);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, file.bytes);
  const entry = {
    id,
    reportId,
    fileName: safeName(file.name),
    mediaType: kind.mediaType,
    size: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    storageKey,
    uploadedBy: ctx.principal!.userId,
  };
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(targetEvidence).values(entry);
      await audit(tx, actor(ctx), {
        action: 'evidence.add',
        entityType: 'evidence',
        entityId: id,
        after: entry,
      });
    });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
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
  const bytes = await readFile(join(filesRoot(), e.storageKey)).catch(() => {
    throw notFound('evidence file');
  });
  return { fileName: e.fileName, mediaType: e.mediaType, bytes };
}

export async function removeEvidence(ctx: ServiceContext, id: string): Promise<void> {
  const { e, r } = await loadEvidence(ctx, id);
  if (!canTarget(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canTarget(ctx.principal, 'report.edit', r))
    throw new AppError('INVALID_STATE', `the report is ${r.status}`);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(targetEvidence).where(eq(targetEvidence.id, id));
    await audit(tx, actor(ctx), {
      action: 'evidence.remove',
      entityType: 'evidence',
      entityId: id,
      before: e,
    });
  });
  await rm(join(filesRoot(), e.storageKey), { force: true });
}

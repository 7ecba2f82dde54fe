import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { loadConfig } from '../config.js';
import { AppError, notFound } from '../errors.js';
import { privateFileMode, privateFolderMode } from '../private-files.js';
import { makeFolderDurably, syncFolder } from './durable.js';

/**
 * Uploaded files (report evidence, scans of paper suggestions) live in the data folder under
 * `files/<area>/<key>`; the database holds their metadata and hash. Backups copy the folder.
 */
export const filesRoot = () => join(loadConfig().dataDir, 'files');
const root = filesRoot;

export interface FileKind {
  mediaType: string;
  ext: string[];
  magic: number[];
}

/** Kinds recognised by their first bytes, never by the name or the declared type alone. */
export const fileKinds = {
  pdf: { mediaType: 'application/pdf', ext: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mediaType: 'image/png', ext: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  jpeg: { mediaType: 'image/jpeg', ext: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: ['docx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: ['xlsx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
} as const satisfies Record<string, FileKind>;

/** Largest file kept (evidence, scans): the upload limit, at most 10 MB. */
export const storedFileMaxBytes = Math.min(limits.uploadBytes, 10 * 1024 * 1024);

/** What the API shows of a stored file; each module names its own schema from it. */
export const storedFileFields = {
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
};

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export interface CheckedUpload extends Upload {
  fileName: string;
  mediaType: string;
  sha256: string;
}

const safeName = (name: string) =>
  [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .slice(-120)
    .trim() || 'file';

/** Refuses an empty, too large or unrecognised file; names the kinds accepted. */
export function checkUpload(file: Upload, kinds: readonly FileKind[], maxBytes: number): CheckedUpload {
  if (file.bytes.byteLength === 0)
    throw new AppError('VALIDATION', 'the file is empty', [
      { path: 'file', message: 'empty', code: 'empty_file' },
    ]);
  if (file.bytes.byteLength > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `at most ${maxBytes} bytes`);
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const kind = kinds.find((k) => k.ext.includes(ext) && k.magic.every((b, i) => file.bytes[i] === b));
  if (!kind)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `accepted: ${kinds.map((k) => k.ext[0]!.toUpperCase()).join(', ')}`,
      [{ path: 'file', message: 'type not accepted', code: 'type_not_accepted' }],
    );
  return {
    ...file,
    fileName: safeName(file.name),
    mediaType: kind.mediaType,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
}

/**
 * Writes the bytes durably before the caller commits their metadata: a temporary name, fsync'd
 * by writeFile's flush, then renamed, so a crash never leaves a half-written file under the key;
 * the folder is synced after the rename, so a power cut after the commit cannot lose the name.
 */
export async function storeFile(area: string, key: string, bytes: Uint8Array): Promise<void> {
  const path = join(root(), area, key);
  await makeFolderDurably(dirname(path), privateFolderMode);
  const temp = `${path}.part`;
  await writeFile(temp, bytes, { flush: true, mode: privateFileMode });
  await rename(temp, path);
  await syncFolder(dirname(path));
}

export async function readStoredFile(area: string, key: string): Promise<Buffer> {
  return readFile(join(root(), area, key)).catch(() => {
    throw notFound('file');
  });
}

export async function removeStoredFile(area: string, key: string): Promise<void> {
  await rm(join(root(), area, key), { force: true });
}

/**
 * Stores the bytes, then runs `commit` (the file's row and audit event, in a transaction); if the
 * commit fails the file is removed again, so no file outlives a refused row.
 */
export async function storeThenCommit<T>(
  area: string,
  key: string,
  bytes: Uint8Array,
  commit: () => Promise<T>,
): Promise<T> {
  await storeFile(area, key, bytes);
  try {
    return await commit();
  } catch (error) {
    await removeStoredFile(area, key);
    throw error;
  }
}

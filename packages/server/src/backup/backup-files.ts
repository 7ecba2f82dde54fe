import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { makeFolderDurably, syncFolder } from '../files/durable.js';
import { privateFileMode, privateFolderMode } from '../private-files.js';
import type { Exec } from './backup-write.js';

/**
 * Uploaded files in a backup: after the rows, one line per row of `attachments` (the kernel's
 * one file store) carrying the bytes in base64 and the SHA-256 the row holds. The rows and the
 * list of files come from the same snapshot, so a file added during the backup is in neither.
 */
export interface FileLine {
  f: { area: string; key: string; sha256: string };
  /** The bytes in base64; absent when the file was missing from the store at backup time. */
  b?: string;
}

/** The staging folders of restores, in the store's root. */
export const stagingPrefix = '.restoring-';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Keys come from the database; one that climbs out of its folder is refused, not followed. */
export function pathIn(root: string, area: string, key: string): string {
  const path = join(root, area, key);
  const rel = relative(root, path);
  if (rel.startsWith('..') || rel.split(sep).includes('..') || rel === '')
    throw new Error(`a file key leaves the file store: ${area}/${key}`);
  return path;
}

export async function* fileLines(
  exec: Exec,
  root: string,
  counts: { files: number; missingFiles: number },
): AsyncGenerator<string> {
  const rows = (await exec(
    'select area, storage_key as key, sha256 from attachments order by area, storage_key',
  )) as Array<{ area: string; key: string; sha256: string }>;
  for (const f of rows) {
    const bytes = await readFile(pathIn(root, f.area, f.key)).catch(() => null);
    if (bytes) counts.files += 1;
    else counts.missingFiles += 1;
    const line: FileLine = bytes ? { f, b: bytes.toString('base64') } : { f };
    yield `${JSON.stringify(line)}\n`;
  }
}

/**
 * Restores the files of a backup: each one checked against the SHA-256 its line and its row
 * carry, written under a staging folder while the rows' transaction is open. Just before the rows
 * commit, each is put in place (renamed) unless a row of the database being replaced names its
 * key with other content: that file waits in the staging folder until the rows have committed,
 * since a crash in between would otherwise leave the old row with the new bytes. A crash after
 * the commit leaves it staged; `finishInterruptedRestores` puts it in place on the next start.
 * `undo` takes back what was put in place if the commit fails.
 */
export class FileRestore {
  private readonly staging: string;
  private readonly staged: Array<{ area: string; key: string; sha256: string }> = [];
  private readonly placed: Array<{ to: string; aside: string | null }> = [];
  private readonly waiting: Array<{ area: string; key: string }> = [];
  missing = 0;

  /** `current`: the SHA-256 each row of the database being replaced holds, by `area/key`. */
  constructor(
    private readonly root: string,
    private readonly current: ReadonlyMap<string, string> = new Map(),
  ) {
    this.staging = join(root, `${stagingPrefix}${randomUUID()}`);
  }

  /** Checks and stages one file line; `expected` is the SHA-256 the restored row holds. */
  async stage(line: FileLine, expected: string | undefined): Promise<void> {
    const { area, key, sha256: declared } = line.f;
    if (expected === undefined) throw new Error(`the backup holds a file without its row: ${area}/${key}`);
    if (line.b === undefined) {
      this.missing += 1;
      return;
    }
    const bytes = Buffer.from(line.b, 'base64');
    const actual = sha256(bytes);
    if (actual !== declared || actual !== expected)
      throw new Error(`the file ${area}/${key} does not match its SHA-256; the backup is damaged`);
    const path = pathIn(this.staging, area, key);
    await mkdir(dirname(path), { recursive: true, mode: privateFolderMode });
    await writeFile(path, bytes, { flush: true, mode: privateFileMode });
    this.staged.push({ area, key, sha256: actual });
  }

  /**
   * Before the commit: moves every staged file that no current row names with other content to
   * its place in the store. A file already there is set aside in the staging folder, so `undo`
   * can bring it back. The names of the files that wait are synced too: they are what a crash
   * after the commit leaves to finish.
   */
  async place(): Promise<number> {
    const folders = new Set<string>();
    for (const { area, key, sha256: bytesHash } of this.staged) {
      const held = this.current.get(`${area}/${key}`);
      if (held !== undefined && held !== bytesHash) {
        this.waiting.push({ area, key });
        // Its name, and those of the folders above it, up to the store's root.
        for (let d = dirname(pathIn(this.staging, area, key)); d !== this.root; d = dirname(d))
          folders.add(d);
        folders.add(this.root);
        continue;
      }
      const to = pathIn(this.root, area, key);
      await makeFolderDurably(dirname(to), privateFolderMode);
      folders.add(dirname(to));
      const aside = pathIn(join(this.staging, '.previous'), area, key);
      await mkdir(dirname(aside), { recursive: true, mode: privateFolderMode });
      const hadOne = await rename(to, aside).then(
        () => true,
        () => false,
      );
      await rename(pathIn(this.staging, area, key), to);
      this.placed.push({ to, aside: hadOne ? aside : null });
    }
    // The rows commit next: their files' names must be on the disk first (durable.ts).
    for (const folder of folders) await syncFolder(folder);
    return this.placed.length + this.waiting.length;
  }

  /** After the commit: the files that waited replace the old rows' files. */
  async placeWaiting(): Promise<void> {
    const folders = new Set<string>();
    for (const { area, key } of this.waiting) {
      const to = pathIn(this.root, area, key);
      await makeFolderDurably(dirname(to), privateFolderMode);
      await rename(pathIn(this.staging, area, key), to);
      folders.add(dirname(to));
    }
    for (const folder of folders) await syncFolder(folder);
  }

  /** After a failed commit: the files put in place go again, those set aside come back. */
  async undo(): Promise<void> {
    for (const { to, aside } of this.placed.reverse()) {
      await rm(to, { force: true });
      if (aside) await rename(aside, to);
    }
    await this.discardStaging();
  }

  discardStaging(): Promise<void> {
    return rm(this.staging, { recursive: true, force: true });
  }
}

/**
 * Removes every file in the store that no row of `attachments` names (a file of the database
 * the restore replaced, or one left by a crash between writing a file and committing its row).
 */
export async function removeOrphanFiles(exec: Exec, root: string): Promise<number> {
  const rows = (await exec('select area, storage_key as key from attachments')) as Array<{
    area: string;
    key: string;
  }>;
  const known = new Set(rows.map((r) => join(r.area, r.key)));
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const e of entries) {
    if (!e.isFile()) continue;
    const rel = relative(root, join(e.parentPath, e.name));
    // Another restore's staging folder is not ours to sweep.
    if (rel.startsWith(stagingPrefix)) continue;
    if (known.has(rel)) continue;
    await rm(join(root, rel), { force: true });
    removed += 1;
  }
  return removed;
}

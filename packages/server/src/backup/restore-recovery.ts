import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { makeFolderDurably, syncFolder } from '../files/durable.js';
import { privateFolderMode } from '../private-files.js';
import { pathIn, sha256, stagingPrefix } from './backup-files.js';
import type { Exec } from './backup-write.js';

/**
 * Finishes what a restore killed midway left in the file store, by what the database holds. A
 * restore stages the backup's files in a folder of its own and sets aside the files it replaces
 * in that folder's `.previous`; whether its rows committed or not, each row's file is among the
 * file in place, the staged one and the one set aside. The one whose SHA-256 the row holds is put
 * in place, and the staging folder goes. Run with no restore under way (at start, or before a
 * restore): a live restore's staging folder would be taken for a dead one's.
 * Answers how many files were put back in place.
 */
export async function finishInterruptedRestores(exec: Exec, root: string): Promise<number> {
  const leftovers = (await readdir(root).catch(() => [] as string[])).filter((e) =>
    e.startsWith(stagingPrefix),
  );
  if (leftovers.length === 0) return 0;
  const rows = (await exec('select area, storage_key as key, sha256 from attachments')) as Array<{
    area: string;
    key: string;
    sha256: string;
  }>;
  const held = new Map(rows.map((r) => [join(r.area, r.key), r.sha256]));
  const hashOf = (path: string) => readFile(path).then(sha256, () => null);
  let put = 0;
  for (const leftover of leftovers) {
    const staging = join(root, leftover);
    const entries = await readdir(staging, { recursive: true, withFileTypes: true });
    const folders = new Set<string>();
    for (const e of entries) {
      if (!e.isFile()) continue;
      const from = join(e.parentPath, e.name);
      const rel = relative(staging, from);
      const name = rel.startsWith(`.previous${sep}`) ? rel.slice(`.previous${sep}`.length) : rel;
      const want = held.get(name);
      if (want === undefined) continue;
      const to = pathIn(root, dirname(name), e.name);
      if ((await hashOf(to)) === want || (await hashOf(from)) !== want) continue;
      await makeFolderDurably(dirname(to), privateFolderMode);
      await rename(from, to);
      folders.add(dirname(to));
      put += 1;
    }
    for (const folder of folders) await syncFolder(folder);
    await rm(staging, { recursive: true, force: true });
  }
  return put;
}

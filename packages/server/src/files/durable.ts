import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Flushes a folder's own entries to the disk. A file's bytes may be flushed and still be lost on a
 * power cut with its name: on Linux a new entry (a rename into place, a folder just made) is
 * durable only once its folder is synced (fsync(2), "Calling fsync() does not necessarily ensure
 * that the entry in the directory containing the file has also reached disk").
 */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes `folder` (and any missing parents) so that the new folders survive a power cut. */
export async function makeFolderDurably(folder: string, mode: number): Promise<void> {
  const first = await mkdir(folder, { recursive: true, mode });
  if (first === undefined) return;
  // Each folder made holds an entry made (the next one down), and so does the one above the first.
  for (let d = folder; ; d = dirname(d)) {
    if (d !== folder) await syncFolder(d);
    if (d === first) break;
  }
  await syncFolder(dirname(first));
}

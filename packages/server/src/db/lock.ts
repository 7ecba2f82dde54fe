import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { privateFolder } from '../private-files.js';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `the data folder ${dataDir} is in use by another Qianxing process (pid ${holderPid}); ` +
        'stop it first, or set QIANXING_DATA_DIR to another folder',
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data folder, because two PGlite instances on one folder
 * corrupt it. Hand-written rather than proper-lockfile: that library judges staleness by mtime,
 * while a dead holder is known for certain from its pid (a kill -9 leaves the file behind, and
 * the next start must take over at once). Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  privateFolder(dataDir);
  const file = join(dataDir, 'qianxing.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = 0;
      try {
        holder = Number(JSON.parse(readFileSync(file, 'utf8')).pid) || 0;
      } catch {
        // A lock file cut short by a crash while it was written names no holder: stale.
      }
      if (holder > 0 && holder !== process.pid && alive(holder))
        throw new DataDirLockedError(dataDir, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import type { Logger } from 'pino';

/**
 * The database's data folder, the uploaded files and the backups hold people's data: only the
 * server's own user may read or write them, whatever the umask (with 022, PGlite leaves many of
 * its files writable by everyone, and uploads readable by everyone).
 */
export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

/**
 * Makes `dir` (and any missing parents) open to its owner only, or closes an existing one that
 * others may read, write or enter; answers the mode it had when it was closed, else null.
 */
export function privateFolder(dir: string): number | null {
  mkdirSync(dir, { recursive: true, mode: privateFolderMode });
  const mode = statSync(dir).mode & 0o777;
  if (process.platform === 'win32' || (mode & 0o077) === 0) return null;
  chmodSync(dir, privateFolderMode);
  return mode;
}

/**
 * At start: closes those of `dirs` that exist and are open to other users, and says so once in
 * the log (which folders, and their modes before).
 */
export function closeOpenFolders(dirs: readonly string[], log: Pick<Logger, 'warn'>): void {
  const closed = dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => {
      const was = privateFolder(dir);
      return was === null ? [] : [{ folder: dir, mode: `0${was.toString(8)}` }];
    });
  if (closed.length > 0)
    log.warn({ folders: closed }, 'data folders were open to other users; now open to the owner only (0700)');
}

import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackup } from './backup/backup-write.js';
import { openDb } from './db/client.js';
import { storeFile } from './files/store.js';
import { closeOpenFolders, privateFolder } from './private-files.js';
import { tempFolders } from './test-support/temp-folders.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const tempFolder = tempFolders('qianxing-modes-');

// Windows keeps no POSIX modes: there the folders' access lists decide, which Node does not set.
describe.skipIf(process.platform === 'win32')('the data folder, uploads and backups', () => {
  const given = process.env.QIANXING_DATA_DIR;
  afterEach(() => {
    if (given === undefined) delete process.env.QIANXING_DATA_DIR;
    else process.env.QIANXING_DATA_DIR = given;
  });

  it('makes a new folder, its missing parents too, open to the owner only', () => {
    const dir = join(tempFolder(), 'data', 'inner');
    expect(privateFolder(dir)).toBeNull();
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, '..'))).toBe(0o700);
  });

  it('closes an existing folder open to others and says so once; leaves a closed one alone', () => {
    const root = tempFolder();
    const open = join(root, 'open');
    const files = join(open, 'files');
    mkdirSync(files, { recursive: true });
    chmodSync(open, 0o755);
    chmodSync(files, 0o777);
    const warned: unknown[][] = [];
    closeOpenFolders([open, files, join(root, 'missing')], {
      warn: (...args: unknown[]) => warned.push(args),
    });
    expect([modeOf(open), modeOf(files)]).toEqual([0o700, 0o700]);
    expect(warned).toEqual([
      [
        {
          folders: [
            { folder: open, mode: '0755' },
            { folder: files, mode: '0777' },
          ],
        },
        expect.any(String),
      ],
    ]);
    closeOpenFolders([open, files], { warn: (...args: unknown[]) => warned.push(args) });
    expect(warned).toHaveLength(1);
  });

  it('keeps the embedded database in a folder open to the owner only, closing one made open', async () => {
    const dir = join(tempFolder(), 'pglite');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const database = await openDb({ dataDir: dir });
    try {
      expect(modeOf(dir)).toBe(0o700);
      expect(readdirSync(dir).length).toBeGreaterThan(1);
    } finally {
      await database.close();
    }
  });

  it('writes an uploaded file open to the owner only, in folders open to the owner only', async () => {
    const data = tempFolder();
    process.env.QIANXING_DATA_DIR = data;
    await storeFile('evidence', 'a/b.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(modeOf(join(data, 'files', 'evidence', 'a', 'b.pdf'))).toBe(0o600);
    expect(modeOf(join(data, 'files'))).toBe(0o700);
    expect(modeOf(join(data, 'files', 'evidence', 'a'))).toBe(0o700);
  });

  it('writes a backup open to the owner only, over an older file open to others too', async () => {
    const folder = tempFolder();
    const fresh = join(folder, 'fresh.jsonl.gz');
    const again = join(folder, 'again.jsonl.gz');
    writeFileSync(again, 'an older backup');
    chmodSync(again, 0o644);
    const exec = async () => [];
    await writeBackup(exec, [], null, fresh, join(folder, 'files'));
    await writeBackup(exec, [], null, again, join(folder, 'files'));
    expect([modeOf(fresh), modeOf(again)]).toEqual([0o600, 0o600]);
  });
});

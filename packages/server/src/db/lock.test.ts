import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../test-support/temp-folders.js';
import { DataDirLockedError, lockDataDir } from './lock.js';

const dir = tempFolders('qx-lock-');

describe('the data-folder lock', () => {
  it('refuses a second holder while the first is alive, naming its pid', () => {
    const d = dir();
    const release = lockDataDir(d);
    // A lock file naming a live process that is not us: our parent.
    writeFileSync(join(d, 'qianxing.lock'), JSON.stringify({ pid: process.ppid }));
    expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(d)).toThrow(String(process.ppid));
    release();
    expect(existsSync(join(d, 'qianxing.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that died (kill -9)', () => {
    const d = dir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(join(d, 'qianxing.lock'), JSON.stringify({ pid: Number(dead.stdout) }));
    const release = lockDataDir(d);
    expect(JSON.parse(readFileSync(join(d, 'qianxing.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('takes over a lock file cut short by a crash', () => {
    const d = dir();
    writeFileSync(join(d, 'qianxing.lock'), '{"pid":');
    lockDataDir(d)();
  });
});

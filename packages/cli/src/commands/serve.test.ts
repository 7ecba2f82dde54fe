import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const folder = tempFolders('qx-serve-');

describe('serve with a bad setting', () => {
  it('stops before it starts, naming every bad variable, with exit code 2 and no stack trace', () => {
    const dataDir = join(folder(), 'data');
    // Either value once served on as NaN: a rate limit that refused nobody, a session of no length.
    const refused = runCli(['serve', '--port', '0'], {
      env: {
        QIANXING_DATA_DIR: dataDir,
        DATABASE_URL: '',
        QIANXING_SESSION_DAYS: '7d',
        QIANXING_IDEAS_SUBMIT_LIMIT: 'many',
      },
      // A server that starts anyway is killed then, and fails on its status.
      timeoutMs: 60_000,
    });
    expect(refused.status, refused.stdout).toBe(2);
    expect(refused.stderr).toContain(
      'QIANXING_SESSION_DAYS must be a whole number of days, from 1 to 365 (it is "7d")',
    );
    expect(refused.stderr).toContain(
      'QIANXING_IDEAS_SUBMIT_LIMIT must be a whole number of suggestions a minute',
    );
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(refused.stdout).not.toContain('serving on');
    // Refused before the database is opened: no data folder is made.
    expect(existsSync(dataDir)).toBe(false);
  });
});

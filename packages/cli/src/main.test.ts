import { describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.js';

describe('qianxing command', () => {
  it('prints help and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: qianxing');
  });

  it('rejects an unknown command with exit code 2', () => {
    const r = runCli(['no-such-command']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });
});

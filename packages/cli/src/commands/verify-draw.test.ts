import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const dir = tempFolders('qianxing-verify-')();
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

const input = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'inspections',
  'draw-small.json',
);
const drawInput = JSON.parse(readFileSync(input, 'utf8')) as Record<string, unknown>;

describe('qianxing verify-draw', () => {
  const result = JSON.parse(runCli(['draw', '--input', input]).stdout) as {
    seedHash: string;
    visits: { firm: string; inspectors: string[] }[];
  };

  it('exits 0 when the result matches the draw', () => {
    const r = runCli(['verify-draw', '--input', input, '--result', write('result.json', result)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ok');
  });

  it('exits 1 and says where when it does not', () => {
    const tampered = structuredClone(result);
    tampered.visits[0]!.inspectors = ['I2', 'I5'];
    const r = runCli(['verify-draw', '--input', input, '--result', write('tampered.json', tampered)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('visits[0]: firm F1 has inspectors I2, I5, the draw gives I5, I4');
    const otherSeed = write('other.json', { ...drawInput, seed: 'not the revealed seed' });
    const s = runCli(['verify-draw', '--input', otherSeed, '--result', write('result2.json', result)]);
    expect(s.status).toBe(1);
    expect(s.stderr).toContain('seedHash');
  });

  it('exits 2 when the result is not a draw result', () => {
    const r = runCli(['verify-draw', '--input', input, '--result', write('junk.json', { visits: 3 })]);
    expect(r.status).toBe(2);
  });
});

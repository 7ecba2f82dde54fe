import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const dir = tempFolders('qianxing-draw-')();
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

const fixture = join(
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
const drawInput = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;

describe('qianxing draw', () => {
  it('prints the seed hash and the visits, the same every time', () => {
    const file = fixture;
    const first = runCli(['draw', '--input', file]);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      seedHash: 'f6eb0d1e92bd0772903b47bbbaaaab8416f96472803c546b16942d7756bfc2bc',
      visits: [
        { firm: 'F1', inspectors: ['I5', 'I4'] },
        { firm: 'F3', inspectors: ['I1', 'I3'] },
        { firm: 'F7', inspectors: ['I2', 'I4'] },
        { firm: 'F4', inspectors: ['I1', 'I5'] },
      ],
    });
    expect(runCli(['draw', '--input', file]).stdout).toBe(first.stdout);
  });

  it('exits 2 and says which when the draw is impossible', () => {
    const tooMany = runCli(['draw', '--input', write('many.json', { ...drawInput, sample: { medium: 3 } })]);
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain('too few firms of risk level "medium"');
    const noTeam = runCli(['draw', '--input', write('team.json', { ...drawInput, inspectorsPerVisit: 6 })]);
    expect(noTeam.status).toBe(2);
    expect(noTeam.stderr).toContain('too few eligible inspectors');
  });

  it('exits 2 on malformed input', () => {
    const bad = runCli(['draw', '--input', write('bad.json', { ...drawInput, seed: '' })]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('seed');
    expect(runCli(['draw', '--input', write('broken.json', '{')]).status).toBe(2);
    expect(runCli(['draw', '--input', join(dir, 'missing.json')]).status).toBe(2);
  });
});

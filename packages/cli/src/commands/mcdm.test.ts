import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

interface ReferenceCase {
  method: string;
  source: string;
  input: unknown;
  expected: Record<string, number | boolean | number[]>;
  tol: number;
}

const casesPath = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'mcdm', 'cases.json');
const cases = JSON.parse(readFileSync(casesPath, 'utf8')) as ReferenceCase[];
const workDir = tempFolders('qianxing-mcdm-')();

function writeInput(name: string, value: unknown): string {
  const file = join(workDir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function expectWithin(
  actual: unknown,
  expected: number | boolean | number[],
  tol: number,
  label: string,
): void {
  if (typeof expected === 'boolean') {
    expect(actual, label).toBe(expected);
  } else if (typeof expected === 'number') {
    expect(typeof actual, label).toBe('number');
    expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      tol,
    );
  } else {
    expect(Array.isArray(actual), label).toBe(true);
    const values = actual as number[];
    expect(values, label).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(Math.abs(values[i]! - e), `${label}[${i}]: ${values[i]} vs ${e}`).toBeLessThanOrEqual(tol);
    });
  }
}

describe('qianxing mcdm reference cases', () => {
  it('covers every case of the fixture', () => {
    expect(cases).toHaveLength(32);
  });

  for (const method of ['entropy', 'topsis', 'ahp', 'gra']) {
    const selected = cases.filter((c) => c.method === method);
    it(`${method}: meets each case's tolerance (${selected.length} cases in one batch)`, () => {
      const file = writeInput(
        `${method}.json`,
        selected.map((c) => c.input),
      );
      const r = runCli(['mcdm', method, '--input', file]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const outputs = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      expect(outputs).toHaveLength(selected.length);
      selected.forEach((c, i) => {
        for (const [key, expected] of Object.entries(c.expected)) {
          const tol = key === 'rank' ? 0 : c.tol;
          expectWithin(outputs[i]![key], expected, tol, `${c.source} ${key}`);
        }
      });
    });
  }
});

describe('qianxing mcdm input handling', () => {
  it('answers one object (here from standard input) with one object', () => {
    const r = runCli(['mcdm', 'topsis', '--input', '-'], {
      input: JSON.stringify({
        matrix: [
          [1, 2],
          [3, 1],
        ],
        types: [1, -1],
      }),
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { closeness: number[]; rank: number[] };
    expect(Array.isArray(out)).toBe(false);
    expect(out.rank).toEqual([2, 1]);
  });

  // One run per method: the command reports every bad entry of a batch, each by its index.
  it.each([
    [
      'topsis',
      [
        { matrix: [[1, 2], [3]] },
        { matrix: [] },
        {
          matrix: [
            [1, 2],
            [3, 4],
          ],
          weights: [1, 2, 3],
        },
        {
          matrix: [
            [1, -2],
            [3, 4],
          ],
          options: { normalization: 'sum' },
        },
      ],
      [
        'input [0]: matrix[1]: row 1 has 1 values',
        'input [1]: matrix: the matrix is empty',
        'input [2]: weights: weights has 3 entries',
        'input [3]: matrix[0][1]: negative value',
      ],
    ],
    [
      'gra',
      '[{"matrix": [[1, 1e999], [2, 3]]}, {"matrix": [[1, 2], [3, 4]], "types": [1]}]',
      ['input [0]: matrix[0][1]', 'input [1]: types: types has 1 entries'],
    ],
    [
      'ahp',
      [
        { matrix: [[1]] },
        {
          matrix: [
            [1, 3],
            [0.5, 1],
          ],
        },
        {
          matrix: [
            [1, 2, 3],
            [0.5, 1, 2],
          ],
        },
        {
          matrix: [
            [1, -1],
            [-1, 1],
          ],
        },
      ],
      [
        'input [1]: matrix[0][1]: not reciprocal',
        'input [2]: matrix[0]: not square',
        'input [3]: matrix[0][1]: not positive',
      ],
    ],
    ['nosuch', { matrix: [[1]] }, ['unknown method']],
    ['topsis', '{"matrix": [[1, 2]', ['not valid JSON']],
  ])('%s: bad input gives messages on standard error and exit code 2 (%#)', (method, input, messages) => {
    const file = writeInput('bad.json', input);
    const r = runCli(['mcdm', method, '--input', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('qianxing: ')).toBe(true);
    for (const message of messages) expect(r.stderr).toContain(message);
  });
});

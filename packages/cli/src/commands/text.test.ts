import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const fixtures = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'text');
const fx = (name: string) => join(fixtures, name);
const folder = tempFolders('qx-text-');
const rows = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe('qianxing text classify', () => {
  it('trains on TRAIN and writes id,label,confidence (BOM accepted on input)', () => {
    const r = runCli(['text', 'classify', '--train', fx('train.csv'), '--input', fx('classify-input.csv')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('id,label,confidence');
    const out = rows(r.stdout);
    expect(out.map((o) => [o.id, o.label])).toEqual([
      ['q1', '交通'],
      ['q2', '教育'],
      ['q3', '环境'],
    ]);
    for (const o of out) expect(Number(o.confidence)).toBeGreaterThan(0.33);
  });

  it('writes to --output', () => {
    const dir = folder();
    const out = join(dir, 'out.csv');
    const r = runCli([
      'text',
      'classify',
      '--train',
      fx('train.csv'),
      '--input',
      fx('classify-input.csv'),
      '--output',
      out,
    ]);
    expect(r.status).toBe(0);
    expect(rows(readFileSync(out, 'utf8'))).toHaveLength(3);
  });
});

describe('qianxing text pairs', () => {
  it('writes id,similarity,duplicate by the platform decision', () => {
    const r = runCli(['text', 'pairs', '--input', fx('pairs.csv')]);
    expect(r.status).toBe(0);
    const out = rows(r.stdout);
    expect(out.map((o) => o.duplicate)).toEqual(['1', '0', '1']);
    expect(out[2]!.similarity).toBe('1');
    for (const o of out) expect(Number(o.similarity)).toBeGreaterThanOrEqual(0);
  });
});

describe('qianxing text cluster', () => {
  it('writes id,cluster and a summary per cluster', () => {
    const dir = folder();
    const summary = join(dir, 'summary.json');
    const r = runCli([
      'text',
      'cluster',
      '--input',
      fx('cluster.csv'),
      '--threshold',
      '0.5',
      '--summary',
      summary,
    ]);
    expect(r.status).toBe(0);
    const out = rows(r.stdout);
    expect(out).toHaveLength(6);
    const of = new Map(out.map((o) => [o.id, o.cluster]));
    expect(of.get('1')).toBe(of.get('3'));
    expect(of.get('4')).toBe(of.get('5'));
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    expect(s[0]).toMatchObject({ size: 3, supporters: 15 });
    expect(s[0].keywords.length).toBeGreaterThan(0);
  });

  it('prints the hottest clusters on standard error without --summary', () => {
    const r = runCli(['text', 'cluster', '--input', fx('cluster.csv'), '--threshold', '0.5']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('clusters');
    expect(r.stderr).toContain('size 3');
  });
});

describe('bad CSV input', () => {
  it.each([
    [['text', 'pairs', '--input', fx('cluster.csv')], 'missing column "text1"'],
    [['text', 'pairs', '--input', fx('ragged.csv')], 'line 3 (row 2) has 2 fields'],
    [['text', 'cluster', '--input', fx('empty-text.csv')], 'line 3 (row 2): field "text" is empty'],
    [['text', 'cluster', '--input', fx('gbk.csv')], 'line 2 is not valid UTF-8'],
    [['text', 'cluster', '--input', fx('no-such-file.csv')], 'cannot read'],
  ])('%j fails with exit code 2 naming the row and field', (args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

/**
 * The decision threshold, calibrated where the platform uses it: on the candidates the
 * near-duplicate index offers for short suggestions. The calibration set is synthetic
 * (bench/data/synthetic/calibration_4k.csv, made by the generator with its own seed, so it is
 * not the grouping benchmark's file) with a true duplicate group per text; each text is queried
 * against all the others, and the threshold is the one (in steps of 0.01) with the best F1 on
 * those candidate pairs. LCQMC is never read here.
 */
import { join } from 'node:path';
import type { DuplicateModel } from '../../packages/core/src/text/duplicate.js';
import { NearDuplicateIndex } from '../../packages/core/src/text/near-duplicate-index.js';
import { dataDir, readCsv } from './data.js';

export interface Calibration {
  threshold: number;
  f1: number;
  precision: number;
  recall: number;
  pairs: number;
}

export function calibrateThreshold(model: DuplicateModel, file = 'calibration_4k.csv'): Calibration {
  const rows = readCsv(join(dataDir, 'synthetic', file));
  const index = new NearDuplicateIndex({ model });
  for (const r of rows) index.add(r.id!, r.text!);
  const group = new Map(rows.map((r) => [r.id!, r.dup_group!]));
  const seen = new Set<string>();
  const scored: Array<[number, boolean]> = [];
  for (const r of rows) {
    for (const m of index.query(r.text!, { limit: 5, exclude: [r.id!] })) {
      const key = r.id! < m.id ? `${r.id}|${m.id}` : `${m.id}|${r.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      scored.push([m.similarity, group.get(m.id) === r.dup_group]);
    }
  }
  const positives = scored.filter(([, same]) => same).length;
  let best: Calibration = { threshold: 0.5, f1: 0, precision: 0, recall: 0, pairs: scored.length };
  for (let step = 50; step <= 99; step++) {
    const t = step / 100;
    let tp = 0;
    let fp = 0;
    for (const [s, same] of scored) if (s >= t) same ? tp++ : fp++;
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, positives);
    const f1 = (2 * precision * recall) / Math.max(1e-12, precision + recall);
    if (f1 > best.f1) best = { threshold: t, f1, precision, recall, pairs: scored.length };
  }
  return best;
}

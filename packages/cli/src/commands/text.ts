import { writeFileSync } from 'node:fs';
import {
  builtInDescriptions,
  clusterTexts,
  judgeDuplicate,
  MESSAGE_CLASSIFIER,
  MESSAGE_CLASSIFIER_OPTIONS,
  prepareText,
  trainClassifier,
} from '@qianxing/core/text';
import { segmentServer, warmUpSegmenter } from '@qianxing/core/text/server';
import type { Command } from 'commander';
import { progress, readCsvTable, writeCsv } from './text-csv.js';

const fmt = (v: number) => String(Math.round(v * 1e4) / 1e4);

function classify(opts: { train: string; input: string; output?: string; descriptions?: string }): void {
  const train = readCsvTable(opts.train, ['text', 'label']);
  const input = readCsvTable(opts.input, ['id', 'text']);
  // Label descriptions: `label,text`, or a taxonomy whose first column is the label.
  let descriptions: Array<{ text: string; label: string }> = [];
  const labels = train.rows.map(({ values }) => values.label!.trim());
  if (!opts.descriptions) {
    // The built-in taxonomy, if the settings' selection found that it helps.
    descriptions = MESSAGE_CLASSIFIER.builtInDescriptions ? builtInDescriptions(labels) : [];
  } else if (opts.descriptions !== 'none') {
    const d = readCsvTable(opts.descriptions, [], []);
    const hasLabelText = d.columns.includes('label') && d.columns.includes('text');
    descriptions = d.rows.map(({ values }) =>
      hasLabelText
        ? { label: values.label!, text: values.text! }
        : {
            label: values[d.columns[0]!]!,
            text: d.columns
              .slice(1)
              .map((c) => values[c])
              .join(' '),
          },
    );
  }
  warmUpSegmenter();
  const model = trainClassifier(
    train.rows.map(({ values }) => ({ text: values.text!, label: values.label!.trim() })),
    // jieba, as in the selection of the settings (used when they include word features).
    { ...MESSAGE_CLASSIFIER_OPTIONS, descriptions, tokenizer: segmentServer },
  );
  const report = progress('classify');
  const out = input.rows.map(({ values }, i) => {
    report(i + 1, input.rows.length);
    const p = model.predict(values.text!);
    return [values.id!, p.label, fmt(p.confidence)];
  });
  writeCsv(opts.output, ['id', 'label', 'confidence'], out);
}

function pairs(opts: { input: string; output?: string }): void {
  const input = readCsvTable(opts.input, ['id', 'text1', 'text2']);
  const report = progress('pairs');
  const out = input.rows.map(({ values }, i) => {
    report(i + 1, input.rows.length);
    const v = judgeDuplicate(prepareText(values.text1!), prepareText(values.text2!));
    return [values.id!, fmt(v.similarity), v.duplicate ? 1 : 0];
  });
  writeCsv(opts.output, ['id', 'similarity', 'duplicate'], out);
}

function cluster(opts: { input: string; output?: string; summary?: string; threshold: string }): void {
  const input = readCsvTable(opts.input, ['id', 'text']);
  const threshold = Number(opts.threshold);
  const items = input.rows.map(({ values }) => ({
    id: values.id!,
    text: values.text!,
    ...(values.time ? { time: values.time } : {}),
    ...(values.supports ? { supports: Number(values.supports) || 0 } : {}),
  }));
  const clustering = clusterTexts(items, {
    threshold,
    tokenizer: segmentServer,
    onProgress: progress('cluster'),
  });
  const byId = new Map(clustering.assignments().map((a) => [a.id, a.cluster]));
  writeCsv(
    opts.output,
    ['id', 'cluster'],
    items.map((it) => [it.id, byId.get(it.id)!]),
  );
  const summaries = clustering.summaries();
  const lines = summaries.map((s) => ({
    cluster: s.cluster,
    size: s.size,
    heat: s.heat,
    supporters: s.supporters,
    spanDays: s.spanDays,
    first: s.first ?? null,
    last: s.last ?? null,
    keywords: s.keywords,
    title: s.title,
  }));
  if (opts.summary) writeFileSync(opts.summary, `${JSON.stringify(lines, null, 1)}\n`);
  else {
    const top = lines.filter((l) => l.size > 1).slice(0, 20);
    process.stderr.write(
      `${summaries.length} clusters, ${lines.filter((l) => l.size > 1).length} with more than one text; hottest:\n`,
    );
    for (const l of top) {
      process.stderr.write(
        `  #${l.cluster} size ${l.size} heat ${l.heat} supporters ${l.supporters} [${l.keywords.join(' ')}] ${l.title}\n`,
      );
    }
  }
}

export function register(program: Command): void {
  const text = program
    .command('text')
    .description('Chinese text: classification, near-duplicate pairs, hot-problem clusters');
  text
    .command('classify')
    .description('train on TRAIN (text,label) and label IN (id,text): writes id,label,confidence')
    .requiredOption('--train <file>', 'training CSV with columns text,label')
    .requiredOption('--input <file>', 'CSV with columns id,text')
    .option('--output <file>', 'output CSV (default standard output)')
    .option(
      '--descriptions <file>',
      'label descriptions: CSV label,text, or a taxonomy whose first column is the label; ' +
        "'none' for none (default: the built-in government-message taxonomy, for the labels it knows)",
    )
    .action(classify);
  text
    .command('pairs')
    .description('judge pairs IN (id,text1,text2): writes id,similarity,duplicate')
    .requiredOption('--input <file>', 'CSV with columns id,text1,text2')
    .option('--output <file>', 'output CSV (default standard output)')
    .action(pairs);
  text
    .command('cluster')
    .description(
      'group IN (id,text[,time,supports]) into problems: writes id,cluster; cluster summaries go to --summary or standard error',
    )
    .requiredOption('--input <file>', 'CSV with columns id,text and optional time,supports')
    .option('--output <file>', 'output CSV (default standard output)')
    .option(
      '--summary <file>',
      'write every cluster summary as JSON here (default: the hottest 20 on standard error)',
    )
    .option('--threshold <cosine>', 'similarity at which a text joins a cluster', '0.8')
    .action(cluster);
}

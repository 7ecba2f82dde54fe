import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CliError } from '../errors.js';

export interface CsvTable {
  file: string;
  /** Rows as objects, with the line each starts on (1 is the header). */
  rows: Array<{ line: number; values: Record<string, string> }>;
  columns: string[];
}

/** The first line (1-based) that is not valid UTF-8, or 0. */
function firstBadUtf8Line(buf: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      try {
        decoder.decode(buf.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 0;
}

/**
 * Reads a CSV file (UTF-8, header row, BOM accepted). Fails with exit code 2 and a message that
 * names the file, the line and the field: missing columns, bytes that are not UTF-8, rows with
 * the wrong number of fields, and empty values in `nonEmpty` columns.
 */
export function readCsvTable(file: string, required: string[], nonEmpty: string[] = required): CsvTable {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new CliError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const bad = firstBadUtf8Line(buf);
  if (bad > 0) throw new CliError(`${file}: line ${bad} is not valid UTF-8`);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(buf.toString('utf8'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    throw new CliError(`${file}: not a valid CSV: ${(e as Error).message}`);
  }
  if (records.length === 0) throw new CliError(`${file}: empty file (a header row is required)`);
  const columns = records[0]!.record.map((c) => c.trim());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new CliError(
      `${file}: missing column ${missing.map((c) => `"${c}"`).join(', ')} (header has ${columns.join(',')})`,
    );
  }
  const rows: CsvTable['rows'] = [];
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r]!;
    const line = info.lines;
    if (record.length !== columns.length) {
      throw new CliError(
        `${file}: line ${line} (row ${r}) has ${record.length} fields, the header has ${columns.length}`,
      );
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => {
      values[c] = record[i]!;
    });
    for (const c of nonEmpty) {
      if ((values[c] ?? '').trim() === '')
        throw new CliError(`${file}: line ${line} (row ${r}): field "${c}" is empty`);
    }
    rows.push({ line, values });
  }
  return { file, rows, columns };
}

/** Writes rows as CSV (UTF-8, header) to a file, or to standard output when `file` is undefined. */
export function writeCsv(
  file: string | undefined,
  columns: string[],
  rows: Array<Array<string | number>>,
): void {
  const text = stringify(rows, { header: true, columns });
  if (file) writeFileSync(file, text);
  else process.stdout.write(text);
}

/** A progress reporter on standard error for long runs (at most one line a second, and the last). */
export function progress(label: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (total < 2000 || (now - last < 1000 && done < total)) return;
    last = now;
    process.stderr.write(`${label}: ${done}/${total}\n`);
  };
}

import { readFile } from 'node:fs/promises';
import { DrawError, drawInspections } from '@qianxing/core/draw';
import type { Command } from 'commander';
import { CliError } from '../errors.js';

/** Reads and parses a JSON file; unreadable or malformed files exit 2. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      2,
    );
  }
}

interface InvalidInput {
  issues: { path: PropertyKey[]; message: string }[];
}

/** A validation failure of the core's zod schemas (the CLI does not depend on zod itself). */
export function isInvalidInput(error: unknown): error is InvalidInput {
  return (
    error instanceof Error &&
    error.name === 'ZodError' &&
    Array.isArray((error as Partial<InvalidInput>).issues)
  );
}

/** One line per problem, naming the field at fault. */
export function describeInvalid(file: string, error: InvalidInput): string {
  const lines = error.issues
    .slice(0, 10)
    .map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 10 ? `\n  … and ${error.issues.length - 10} more` : '';
  return `${file} is not a valid input:\n${lines.join('\n')}${more}`;
}

export function register(program: Command): void {
  program
    .command('draw')
    .description('Draw firms by risk level and inspectors for each (双随机), from a seed; prints JSON')
    .requiredOption(
      '--input <file>',
      'DRAW.json: seed, firms, inspectors, exclusions, sample, inspectorsPerVisit',
    )
    .action(async (options: { input: string }) => {
      const input = await readJsonFile(options.input);
      try {
        process.stdout.write(`${JSON.stringify(drawInspections(input as never))}\n`);
      } catch (error) {
        if (isInvalidInput(error)) throw new CliError(describeInvalid(options.input, error), 2);
        if (error instanceof DrawError) throw new CliError(`impossible draw: ${error.message}`, 2);
        throw error;
      }
    });
}

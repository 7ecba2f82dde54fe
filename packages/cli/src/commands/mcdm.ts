import { readFile } from 'node:fs/promises';
import { isMcdmMethod, mcdmMethods, runMcdm, ScoringInputError } from '@qianxing/core/scoring';
import type { Command } from 'commander';
import { CliError } from '../errors.js';

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      2,
    );
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function register(program: Command): void {
  program
    .command('mcdm')
    .description('Score alternatives with a multi-criteria method (entropy, topsis, ahp, gra); prints JSON')
    .argument('<method>', `one of ${mcdmMethods.join(', ')}`)
    .requiredOption(
      '--input <file>',
      'JSON file with one input object or an array of them ("-" = standard input)',
    )
    .action(async (method: string, options: { input: string }) => {
      if (!isMcdmMethod(method)) {
        throw new CliError(`unknown method "${method}": use one of ${mcdmMethods.join(', ')}`, 2);
      }
      const data = await readJson(options.input);
      const batch = Array.isArray(data);
      const inputs: unknown[] = batch ? data : [data];
      // Every input is checked, so one run reports every bad entry of a batch.
      const problems: string[] = [];
      const outputs = inputs.map((input, index) => {
        try {
          return runMcdm(method, input);
        } catch (error) {
          if (!(error instanceof ScoringInputError)) throw error;
          problems.push(`${method}: invalid ${batch ? `input [${index}]` : 'input'}: ${error.message}`);
          return undefined;
        }
      });
      if (problems.length > 0) throw new CliError(problems.join('\nqianxing: '), 2);
      process.stdout.write(`${JSON.stringify(batch ? outputs : outputs[0])}\n`);
    });
}

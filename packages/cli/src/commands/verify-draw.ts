import { DrawError, verifyDraw } from '@qianxing/core/draw';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { describeInvalid, isInvalidInput, readJsonFile } from './draw.js';

export function register(program: Command): void {
  program
    .command('verify-draw')
    .description(
      'Recompute a draw from its input and revealed seed; exit 0 when the result matches, 1 when not',
    )
    .requiredOption('--input <file>', 'DRAW.json, with the revealed seed')
    .requiredOption('--result <file>', 'RESULT.json, the published result')
    .action(async (options: { input: string; result: string }) => {
      const input = await readJsonFile(options.input);
      const result = await readJsonFile(options.result);
      let verdict: ReturnType<typeof verifyDraw>;
      try {
        verdict = verifyDraw(input as never, result);
      } catch (error) {
        if (isInvalidInput(error)) {
          const isResult = error.issues.some((i) => i.path[0] === 'seedHash' || i.path[0] === 'visits');
          throw new CliError(describeInvalid(isResult ? options.result : options.input, error), 2);
        }
        if (error instanceof DrawError) throw new CliError(`the input gives no draw: ${error.message}`, 2);
        throw error;
      }
      if (!verdict.ok) {
        throw new CliError(`the result does not match the draw:\n  ${verdict.differences.join('\n  ')}`, 1);
      }
      process.stdout.write('ok: the result matches the draw recomputed from the seed\n');
    });
}

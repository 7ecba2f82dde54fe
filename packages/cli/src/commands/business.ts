import { departmentScorecard, describeIssue, ScorecardInputError } from '@qianxing/core/business';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { readJsonFile } from './draw.js';

/** The first ten problems, one a line, each naming its field and request. */
function describeProblems(file: string, error: ScorecardInputError): string {
  const lines = error.issues.slice(0, 10).map((issue) => `  ${describeIssue(issue)}`);
  const more = error.issues.length > 10 ? `\n  … and ${error.issues.length - 10} more` : '';
  return `${file} is not a valid input:\n${lines.join('\n')}${more}`;
}

export function register(program: Command): void {
  const business = program
    .command('business')
    .description('The firms’ loop (营商环境 “黔诚无忧”): requests, answers and ratings');
  business
    .command('scorecard')
    .description(
      'Score departments for a month on answers on time, resolutions and satisfaction; prints JSON',
    )
    .requiredOption('--input <file>', 'JSON: month, deadlineWorkdays, weights, requests')
    .action(async (options: { input: string }) => {
      const input = await readJsonFile(options.input);
      try {
        process.stdout.write(`${JSON.stringify(departmentScorecard(input as never))}\n`);
      } catch (error) {
        if (error instanceof ScorecardInputError)
          throw new CliError(describeProblems(options.input, error), 2);
        throw error;
      }
    });
}

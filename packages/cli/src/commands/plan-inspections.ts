import { PlanError, planInspections } from '@qianxing/core/schedule';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { calendarFor, loadedOption } from './calendar.js';
import { describeInvalid, isInvalidInput, readJsonFile } from './draw.js';

export function register(program: Command): void {
  program
    .command('plan-inspections')
    .description(
      'Merge departments’ planned inspections into joint visits and book teams (综合查一次); prints JSON',
    )
    .requiredOption(
      '--input <file>',
      'PLAN.json: period, tasks, inspectors, firms, exclusions, maxHoursPerVisit, …',
    )
    .option(...loadedOption)
    .action(async (options: { input: string; loaded?: boolean }) => {
      const input = await readJsonFile(options.input);
      const calendar = await calendarFor(options.loaded);
      try {
        process.stdout.write(`${JSON.stringify(planInspections(input as never, { calendar }))}\n`);
      } catch (error) {
        if (isInvalidInput(error)) throw new CliError(describeInvalid(options.input, error), 2);
        if (error instanceof PlanError) throw new CliError(error.message, 2);
        throw error;
      }
    });
}

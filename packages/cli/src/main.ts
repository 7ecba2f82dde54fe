import { Command, CommanderError } from 'commander';
import { CliError } from './errors.js';

const program = new Command('qianxing')
  .description('Qianxing (黔行): run a district campaign and its governance loops')
  .showHelpAfterError()
  .exitOverride();

// Each command lives in its own file under ./commands and registers itself here.
const registrations: Array<() => Promise<{ register: (p: Command) => void }>> = [
  () => import('./commands/serve.js'),
  () => import('./commands/database.js'),
  () => import('./commands/audit.js'),
  () => import('./commands/user.js'),
  () => import('./commands/mcdm.js'),
  () => import('./commands/calendar.js'),
  () => import('./commands/draw.js'),
  () => import('./commands/verify-draw.js'),
  () => import('./commands/plan-inspections.js'),
  () => import('./commands/business.js'),
  () => import('./commands/text.js'),
];

for (const load of registrations) (await load()).register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof CliError) {
    process.stderr.write(`qianxing: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(
      `qianxing: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}

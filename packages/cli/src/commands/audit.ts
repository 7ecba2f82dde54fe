import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { withDatabase } from './database.js';

export function register(program: Command) {
  program
    .command('verify-audit')
    .description('check the audit hash chain and name the first broken link')
    .option('--json', 'print the result as JSON')
    .action((options: { json?: boolean }) =>
      withDatabase(async (database) => {
        if (!(await database.appliedMigration()))
          throw new CliError('the database is empty (no migration applied): nothing to verify', 1);
        const { verifyAuditChain } = await import('@qianxing/server');
        const result = await verifyAuditChain(database.db);
        if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        if (!result.ok) {
          const b = result.broken!;
          throw new CliError(`audit chain broken at event id ${b.id} (seq ${b.seq}): ${b.reason}`, 1);
        }
        if (!options.json) {
          process.stdout.write(
            `audit chain ok: ${result.sealed} events sealed, ${result.unsealed} awaiting sealing; head ${result.lastHash}\n`,
          );
        }
      }),
    );
}

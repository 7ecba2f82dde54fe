import type { Database } from '@qianxing/server';
import type { Command } from 'commander';
import { loadCliConfig } from '../config.js';
import { CliError } from '../errors.js';

// The server package loads only when a command needs it, so pure commands start fast.
const server = () => import('@qianxing/server');

/**
 * Opens the configured database for a one-off command, and always closes it. `whenLocked` is
 * added to the refusal when a running server holds the PGlite data folder: what to do instead.
 */
export async function withDatabase<T>(
  fn: (database: Database) => Promise<T>,
  whenLocked?: string,
): Promise<T> {
  const { DataDirLockedError, openDb } = await server();
  const config = await loadCliConfig();
  let database: Database;
  try {
    database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  } catch (error) {
    if (error instanceof DataDirLockedError)
      throw new CliError(whenLocked ? `${error.message}. ${whenLocked}` : error.message, 3);
    throw new CliError(`cannot open the database: ${(error as Error).message}`, 1);
  }
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export function register(program: Command) {
  program
    .command('migrate')
    .description('apply the database migrations not yet applied')
    .action(() =>
      withDatabase(async (database) => {
        const tag = await database.migrate();
        process.stdout.write(`migrated (${database.kind}): ${tag}\n`);
      }),
    );

  program
    .command('seed')
    .description('seed the demo district into an empty database and print the demo accounts once')
    .action(() =>
      withDatabase(async (database) => {
        await database.migrate();
        const { createLogger, seedDemo } = await server();
        const log = createLogger('warn');
        const accounts = await seedDemo({
          db: database.db,
          principal: null,
          log,
          sms: { name: 'none', send: async () => {} },
          requestId: 'seed',
        });
        if (!accounts)
          throw new CliError('the database already has users; seeding is only for an empty database', 1);
        const { sealAuditChain } = await server();
        await sealAuditChain(database.db);
        for (const a of accounts) process.stdout.write(`${a.role}\t${a.login}\t${a.password}\n`);
      }),
    );

  program
    .command('backup')
    .description('write every table to a gzipped JSON Lines file that restores into PGlite or PostgreSQL')
    .requiredOption('-o, --output <file>', 'backup file to write (e.g. qianxing-2026-01-01.jsonl.gz)')
    .action(async (options: { output: string }) => {
      // A running server holds an embedded database: it writes the backup itself, online.
      const { requestServerBackup } = await server();
      const config = await loadCliConfig();
      if (!config.databaseUrl) {
        const written = await requestServerBackup(config.dataDir, options.output).catch((error: Error) => {
          throw new CliError(`the running server could not write the backup: ${error.message}`, 1);
        });
        if (written) {
          process.stdout.write(`${backedUp(written, options.output)} (written by the running server)\n`);
          return;
        }
      }
      await withDatabase(async (database) => {
        const { backupDatabase } = await server();
        const summary = await backupDatabase(database, options.output);
        process.stdout.write(`${backedUp(summary, options.output)}\n`);
      });
    });

  program
    .command('restore')
    .description('restore a backup into an empty database (migrations are applied first)')
    .requiredOption('-i, --input <file>', 'backup file to read')
    .option('--replace', 'empty every table first (all in one transaction)')
    .action((options: { input: string; replace?: boolean }) =>
      withDatabase(async (database) => {
        await database.migrate();
        const { RestoreUnfinished, restoreDatabase } = await server();
        try {
          const r = await restoreDatabase(database, options.input, {
            replace: options.replace ?? false,
          });
          process.stdout.write(
            `restored ${r.rows} rows and ${r.files} files from ${options.input}; removed ${r.orphansRemoved} files no row names\n`,
          );
          if (r.missingFiles)
            process.stderr.write(
              `${r.missingFiles} files were already missing when the backup was written\n`,
            );
        } catch (error) {
          if (error instanceof RestoreUnfinished)
            throw new CliError(`restore unfinished: ${error.message}`, 1);
          throw new CliError(`restore failed, nothing was changed: ${(error as Error).message}`, 1);
        }
      }),
    );
}

function backedUp(
  s: { tables: number; rows: number; files: number; missingFiles: number },
  output: string,
): string {
  const missing = s.missingFiles
    ? `; ${s.missingFiles} files named by a row were missing from the store`
    : '';
  return `backed up ${s.rows} rows of ${s.tables} tables and ${s.files} files to ${output}${missing}`;
}

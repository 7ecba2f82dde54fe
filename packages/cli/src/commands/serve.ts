import cluster from 'node:cluster';
import type { Command } from 'commander';
import { loadCliConfig } from '../config.js';
import { CliError } from '../errors.js';
import { reportListening, runWorkers } from './serve-workers.js';

function printDemoAccounts(accounts: Array<{ login: string; password: string; role: string }>) {
  const lines = [
    '',
    'Demo district seeded. These passwords are shown once and stored only as hashes:',
    '已生成演示数据。以下演示账号的密码只显示这一次：',
    ...accounts.map((a) => `  ${a.role.padEnd(17)} ${a.login.padEnd(12)} ${a.password}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function register(program: Command) {
  program
    .command('serve')
    .description('start the web server (applies migrations; --demo seeds an empty database)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--demo', 'seed the demo district when the database is empty')
    .option(
      '-w, --workers <n>',
      'server processes sharing the port, PostgreSQL only (default: QIANXING_WORKERS or 1)',
    )
    .action(async (options: { port?: string; demo?: boolean; workers?: string }) => {
      // The server loads only when a command needs it, so pure commands start fast.
      const { DataDirLockedError, createLogger, prepareDatabase, startClusterMetricsListener, startServer } =
        await import('@qianxing/server');
      // Every setting is checked before anything starts: a bad one stops here, all named at once.
      const config = await loadCliConfig();
      if (options.port) config.port = Number(options.port);
      if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535)
        throw new CliError(`bad port ${options.port}`);
      const workers = options.workers === undefined ? config.workers : Number(options.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw new CliError(`bad number of workers ${options.workers}`);
      if (workers > 1 && !config.databaseUrl)
        throw new CliError(
          'several workers need PostgreSQL: set DATABASE_URL (the embedded database allows one process)',
        );
      if (workers > 1 && cluster.isPrimary) {
        // Migrations and the demo seed run once, here, before any worker serves.
        const { database, demoAccounts } = await prepareDatabase(config, {
          seed: options.demo ?? false,
          log: createLogger(config.logLevel),
        });
        await database.close();
        if (demoAccounts) printDemoAccounts(demoAccounts);
        const port = await runWorkers(workers, (line) => process.stdout.write(`${line}\n`)).catch((error) => {
          throw new CliError((error as Error).message);
        });
        process.stdout.write(
          `Qianxing is serving on http://localhost:${port} (database: postgres, ${workers} workers)\n`,
        );
        if (config.metricsListen) {
          const metrics = await startClusterMetricsListener(config.metricsListen);
          process.stdout.write(`metrics of all workers on port ${metrics.port}\n`);
        }
        await new Promise(() => {});
      }
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(config, { seed: (options.demo ?? false) && cluster.isPrimary });
      } catch (error) {
        if (error instanceof DataDirLockedError) throw new CliError(error.message, 3);
        throw error;
      }
      if (server.demoAccounts) printDemoAccounts(server.demoAccounts);
      if (cluster.isWorker) {
        reportListening(server.port);
        const stop = () =>
          void server.stop().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        process.once('SIGTERM', stop);
        process.once('SIGINT', () => undefined);
        await new Promise(() => {});
      }
      process.stdout.write(
        `Qianxing is serving on http://localhost:${server.port} (database: ${server.database.kind})\n`,
      );
      const shutdown = (signal: string) => {
        process.stdout.write(`received ${signal}, shutting down\n`);
        server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      // Keep the process alive until a signal arrives.
      await new Promise(() => {});
    });
}

import type { Command } from 'commander';
import { CliError } from '../errors.js';

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
    .action(async (options: { port?: string; demo?: boolean }) => {
      // The server loads only when a command needs it, so pure commands start fast.
      const { DataDirLockedError, loadConfig, startServer } = await import('@qianxing/server');
      const config = loadConfig();
      if (options.port) config.port = Number(options.port);
      if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535)
        throw new CliError(`bad port ${options.port}`);
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(config, { seed: options.demo ?? false });
      } catch (error) {
        if (error instanceof DataDirLockedError) throw new CliError(error.message, 3);
        throw error;
      }
      if (server.demoAccounts) printDemoAccounts(server.demoAccounts);
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

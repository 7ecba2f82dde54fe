import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { withDatabase } from './database.js';

export function register(program: Command) {
  const user = program.command('user').description('manage accounts from the command line');

  user
    .command('create')
    .description('create an account; prints its password once when none is given')
    .requiredOption('--login <login>', 'sign-in name')
    .requiredOption('--name <name>', 'display name')
    .option(
      '--role <role>',
      'role, as the API names it (admin, organiser, …); an unknown one is refused',
      'admin',
    )
    .option('--unit <code>', 'code of the unit the role is scoped to (default: the root of the tree)')
    .option(
      '--password <password>',
      'password (at least 10 characters, not common, not holding the login); random when omitted',
    )
    .action(
      async (options: { login: string; name: string; role: string; unit?: string; password?: string }) => {
        // The role is checked by the server's own schema, the one list of roles, before the
        // database is opened: a mistyped role creates no data folder and migrates nothing.
        const { Role } = await import('@qianxing/server');
        if (!Role.safeParse(options.role).success)
          throw new CliError(`unknown role ${options.role}; one of ${Role.options.join(', ')}`, 2);
        await withDatabase(async (database) => {
          await database.migrate();
          const { createUserFromCli } = await import('@qianxing/server');
          try {
            const { user: created, initialPassword } = await createUserFromCli(database.db, {
              login: options.login,
              displayName: options.name,
              role: options.role,
              unitCode: options.unit,
              password: options.password,
            });
            process.stdout.write(
              `created ${created.login} (${options.role})${initialPassword ? `, password: ${initialPassword}` : ''}\n`,
            );
          } catch (error) {
            throw new CliError((error as Error).message, 2);
          }
        });
      },
    );

  user
    .command('reset')
    .description('set a new password for an account and sign it out everywhere; prints the password once')
    .requiredOption('--login <login>', 'sign-in name')
    .option('--password <password>', 'the new password; random (to be changed at sign-in) when omitted')
    .option('--enable', 'enable the account too, if it is disabled (else it stays as it is)')
    .action((options: { login: string; password?: string; enable?: boolean }) =>
      withDatabase(async (database) => {
        if (options.password !== undefined && options.password.length < 10)
          throw new CliError('the password needs at least 10 characters');
        const { resetPasswordByLogin } = await import('@qianxing/server');
        try {
          const password = await resetPasswordByLogin(database.db, options.login, options.password, {
            enable: options.enable ?? false,
          });
          process.stdout.write(
            `password of ${options.login} reset${options.enable ? ' and the account enabled' : ''}${options.password ? '' : `: ${password}`}\n`,
          );
        } catch (error) {
          throw new CliError((error as Error).message, 2);
        }
      }),
    );
}

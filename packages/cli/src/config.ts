import type { Config } from '@qianxing/server';
import { CliError } from './errors.js';

/**
 * The server's settings from the environment, checked: a bad one is refused as every bad
 * variable with what it must be, one a line, and exit code 2, not as a stack trace.
 */
export async function loadCliConfig(): Promise<Config> {
  const { loadConfig, SettingsError } = await import('@qianxing/server');
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof SettingsError)
      throw new CliError(`bad settings in the environment:\n  ${error.problems.join('\n  ')}`);
    throw error;
  }
}

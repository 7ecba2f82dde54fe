import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ExpectedHead } from '@qianxing/server';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { withDatabase } from './database.js';

interface Options {
  json?: boolean;
  expectHead: string[];
  checkpoints?: string;
  publicKey: string[];
  acceptLate?: string;
}

/** `HASH` or `SEQ:HASH`, as verify-audit prints the head. */
export function parseHead(text: string): ExpectedHead {
  const m = /^(?:(\d+):)?([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!m)
    throw new CliError(`--expect-head takes HASH or SEQ:HASH (64 hex digits), not ${JSON.stringify(text)}`);
  const seq = m[1] === undefined ? undefined : Number(m[1]);
  return { seq, hash: m[2]!.toLowerCase(), label: `expected head ${text.trim()}` };
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
}

function parseIds(text: string | undefined): number[] {
  if (!text) return [];
  const ids = text.split(',').map((s) => s.trim());
  if (ids.some((s) => !/^\d+$/.test(s)))
    throw new CliError('--accept-late takes event ids separated by commas');
  return ids.map(Number);
}

export function register(program: Command) {
  program
    .command('verify-audit')
    .description(
      'check the audit hash chain: every link, the heads recorded outside the database, the signed checkpoints, and back-dated events',
    )
    .option(
      '--expect-head <head>',
      'a head recorded earlier (HASH or SEQ:HASH); the chain must end in or pass through it (repeatable)',
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--checkpoints <file>', 'a kept copy of the signed checkpoints (JSON from the public page)')
    .option(
      '--public-key <file>',
      'accept checkpoints, kept or stored in the database, signed by this public key (PEM) only (repeatable)',
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option(
      '--accept-late <ids>',
      'ids of back-dated events already looked into and accepted, comma-separated',
    )
    .option('--json', 'print the result as JSON')
    .action((options: Options) => {
      const heads = options.expectHead.map(parseHead);
      const acceptLate = parseIds(options.acceptLate);
      const pinned = options.publicKey.map((keyFile) => {
        const pem = readText(keyFile, 'public key');
        try {
          createPublicKey(pem);
        } catch {
          throw new CliError(`${keyFile} holds no public key in PEM`);
        }
        return pem;
      });
      const file = options.checkpoints ? readText(options.checkpoints, 'checkpoint file') : undefined;
      return withDatabase(async (database) => {
        if (!(await database.appliedMigration()))
          throw new CliError('the database is empty (no migration applied): nothing to verify', 1);
        const { AuditCheckpointFile, loadConfig, verifyAuditChain, verifyCheckpointFile } = await import(
          '@qianxing/server'
        );
        const problems: string[] = [];
        if (file !== undefined) {
          let parsed: ReturnType<typeof AuditCheckpointFile.safeParse>;
          try {
            parsed = AuditCheckpointFile.safeParse(JSON.parse(file));
          } catch {
            throw new CliError(`${options.checkpoints} is not JSON`);
          }
          if (!parsed.success)
            throw new CliError(
              `${options.checkpoints} is not a checkpoint file: ${parsed.error.issues[0]?.message}`,
            );
          const kept = verifyCheckpointFile(parsed.data, pinned);
          heads.push(...kept.heads);
          problems.push(...kept.problems);
        }
        const result = await verifyAuditChain(database.db, {
          heads,
          acceptLate,
          pinnedKeys: pinned,
          toleranceMs: loadConfig().auditClockToleranceMs,
        });
        problems.push(...result.problems);
        if (options.json)
          process.stdout.write(`${JSON.stringify({ ...result, ok: problems.length === 0, problems })}\n`);
        if (problems.length > 0) {
          for (const p of problems) process.stderr.write(`qianxing: ${p}\n`);
          throw new CliError(
            `the audit chain does not verify (${problems.length} problem${problems.length > 1 ? 's' : ''})`,
            1,
          );
        }
        if (!options.json) {
          const lines = [
            `audit chain ok: ${result.sealed} events sealed, ${result.unsealed} awaiting sealing; head ${result.lastSeq}:${result.lastHash}`,
            ...result.heads.map((h) => `passes through ${h.label} at seq ${h.seq}`),
            ...result.late.map((e) => `accepted back-dated event id ${e.id}: ${e.reason}`),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        }
      });
    });
}

import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's prefix of template databases on PostgreSQL (qx_tpl_…), or '' on PGlite. */
    pgTemplatePrefix: string;
  }
}

/**
 * Global setup of the server tests on PostgreSQL: a prefix of this run's template databases, which
 * the files' workers make on first need (`templateDatabase`) and this setup drops at the end.
 * Seeding the whole demo district for each of about 40 files cost some 4 minutes of CPU in CI;
 * PostgreSQL's `CREATE DATABASE … TEMPLATE` copies a seeded one in a fraction of a second.
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) return project.provide('pgTemplatePrefix', '');
  const prefix = `qx_tpl_${randomBytes(4).toString('hex')}_`;
  project.provide('pgTemplatePrefix', prefix);
  return async () => {
    await withAdmin(base, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(
        'select datname from pg_database where starts_with(datname, $1)',
        [prefix],
      );
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    });
    // Each template's stored files (test-support/demo-template.ts).
    for (const entry of readdirSync(tmpdir()))
      if (entry.startsWith(prefix)) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  };
}

async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * The template database named `name`, made once for the whole run by whichever worker asks first
 * (the others wait on an advisory lock): `make` migrates and seeds it through the URL it is given,
 * closes every connection to it (PostgreSQL copies only a template nobody is connected to), and
 * answers what the clones need to know, kept as the database's comment, which marks it complete.
 */
export async function templateDatabase<T>(
  base: string,
  name: string,
  make: (url: string) => Promise<T>,
): Promise<T> {
  return withAdmin(base, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      const made = await admin.query<{ description: string }>(
        `select d.description from pg_database b
           join pg_shdescription d on d.objoid = b.oid and d.classoid = 'pg_database'::regclass
          where b.datname = $1`,
        [name],
      );
      if (made.rows[0]) return JSON.parse(made.rows[0].description) as T;
      // A maker that failed half-way left it without its comment.
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      const answer = await make(url.toString());
      await admin.query(`comment on database ${name} is ${pg.escapeLiteral(JSON.stringify(answer))}`);
      return answer;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

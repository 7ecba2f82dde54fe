import pg from 'pg';

/**
 * A PostgreSQL database of its own for one test or benchmark run, made next to the one
 * `base` names (a copy of `template` when given); `drop()` removes it, ending whatever is still
 * connected to it.
 */
export async function scratchDatabase(base: string, prefix = 'qx_scratch', template?: string) {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDb } from './client.js';
import { hasSqlState, SQL_STATE } from './sql-state.js';

describe('hasSqlState', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDb({ dataDir: 'memory://' });
    await database.db.execute(sql`create table parent (id int primary key)`);
    await database.db.execute(sql`create table child (parent_id int references parent (id))`);
    await database.db.execute(sql`insert into parent values (1)`);
    await database.db.execute(sql`insert into child values (1)`);
  });
  afterAll(() => database.close());

  const failureOf = (query: Promise<unknown>) =>
    query.then(
      () => expect.fail('the query succeeded'),
      (e) => e,
    );

  it('recognises a foreign key violation as the query builder throws it', async () => {
    const error = await failureOf(database.db.execute(sql`delete from parent where id = 1`));
    expect(hasSqlState(error, SQL_STATE.foreignKeyViolation)).toBe(true);
    expect(hasSqlState(error, SQL_STATE.uniqueViolation)).toBe(false);
  });

  it('recognises a unique violation, and nothing else as either', async () => {
    const error = await failureOf(database.db.execute(sql`insert into parent values (1)`));
    expect(hasSqlState(error, SQL_STATE.uniqueViolation)).toBe(true);
    expect(hasSqlState(error, SQL_STATE.foreignKeyViolation)).toBe(false);
    const other = await failureOf(database.db.execute(sql`select * from no_such_table`));
    expect(hasSqlState(other, SQL_STATE.foreignKeyViolation)).toBe(false);
    expect(hasSqlState(new Error('connection lost'), SQL_STATE.foreignKeyViolation)).toBe(false);
    expect(hasSqlState(undefined, SQL_STATE.foreignKeyViolation)).toBe(false);
  });
});

import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database, Db } from './client.js';

/** What the health endpoint and the metrics say of the replica. */
export interface ReplicaStatus {
  /** The replica answered its last check. */
  ok: boolean;
  /** Seconds its data is behind the primary's (null while it does not answer). */
  lagSeconds: number | null;
  maxLagSeconds: number;
  /** Lag-tolerant reads go to the replica now (else to the primary). */
  inUse: boolean;
}

export interface ReadReplica {
  /** The database a read that may lag should use now, and which one it is. */
  reader(): { db: Db; from: 'replica' | 'primary' };
  status(): ReplicaStatus;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  url: string;
  primary: Database;
  /** Beyond this lag, or while the replica does not answer, reads go to the primary. */
  maxLagSeconds: number;
  checkEveryMs?: number;
  poolSize?: number;
  log: Pick<Logger, 'info' | 'warn'>;
}

/** A WAL position `X/Y` (two hexadecimal halves) as one number, for comparing. */
const lsnValue = (lsn: string) => {
  const [hi = '0', lo = '0'] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
};

class NotAReplica extends Error {
  constructor() {
    super('DATABASE_READ_URL is not a replica of DATABASE_URL (their system identifiers differ)');
  }
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
};

const identifier = async (q: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>) =>
  String((await q('select system_identifier::text as id from pg_control_system()')).rows[0]!.id);

/**
 * Opens a streaming replica of the primary for reads that may lag (DATABASE_READ_URL) and checks
 * its lag every second. The lag is measured as the age of the oldest position of the primary's
 * write-ahead log that the replica has not yet replayed: each check notes the primary's current
 * position with the time, and the replica's replayed position retires every note it has passed.
 * Unlike `now() - pg_last_xact_replay_timestamp()` this reads 0 on an idle database, and unlike
 * comparing the replica's received and replayed positions it sees a replica that stopped
 * receiving. Its resolution is the check's interval.
 */
export async function openReadReplica(options: ReplicaOptions): Promise<ReadReplica> {
  const { primary, log } = options;
  if (primary.kind !== 'postgres') throw new Error('a read replica needs DATABASE_URL (PostgreSQL)');
  // A replica that stops answering must not hold requests: a connection gets 3 s to open.
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 3000,
  });
  pool.on('error', () => {});
  const db = drizzle({ client: pool }) as unknown as Db;
  const onPrimary = (sql: string) =>
    primary.db.execute(sql) as unknown as Promise<{ rows: Array<Record<string, unknown>> }>;
  // A replica made by pg_basebackup shares its primary's system identifier; anything else would
  // serve another database's data as if it were this one's. Checked when the replica first
  // answers: one that is down at start-up is used once it is up.
  const ours = await identifier(onPrimary);
  let verified = false;
  const verify = async () => {
    if (verified) return;
    if ((await identifier((s) => pool.query(s))) !== ours) throw new NotAReplica();
    verified = true;
  };
  try {
    await verify();
  } catch (error) {
    if (error instanceof NotAReplica) {
      await pool.end().catch(() => {});
      throw error;
    }
  }

  let notes: Array<{ lsn: string; at: number }> = [];
  let state: ReplicaStatus = {
    ok: false,
    lagSeconds: null,
    maxLagSeconds: options.maxLagSeconds,
    inUse: false,
  };
  let warnedMismatch = false;
  const check = async () => {
    try {
      await verify();
      const now = Date.now();
      const lsn = String((await onPrimary('select pg_current_wal_lsn()::text as lsn')).rows[0]!.lsn);
      notes.push({ lsn, at: now });
      // On the primary itself (a test pointing both URLs at one server) nothing is pending. A
      // primary that went through crash recovery at start-up keeps answering its last replayed
      // position forever, so that position counts only while the server is in recovery.
      const replayed = await withTimeout(
        pool.query<{ lsn: string }>(
          `select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn()
             else pg_current_wal_lsn() end)::text as lsn`,
        ),
        2000,
      );
      const at = replayed.rows[0]?.lsn;
      if (at) notes = notes.filter((n) => lsnValue(n.lsn) > lsnValue(at));
      const lagSeconds = notes.length ? (now - notes[0]!.at) / 1000 : 0;
      const inUse = lagSeconds <= options.maxLagSeconds;
      if (inUse !== state.inUse)
        log.info(
          { lagSeconds, inUse },
          inUse ? 'reads go to the replica' : 'the replica lags: reads go to the primary',
        );
      state = { ok: true, lagSeconds, maxLagSeconds: options.maxLagSeconds, inUse };
    } catch (error) {
      const mismatch = error instanceof NotAReplica;
      if (state.ok || (mismatch && !warnedMismatch))
        log.warn({ error: (error as Error).message }, 'the replica is not used: reads go to the primary');
      warnedMismatch ||= mismatch;
      // Positions noted while it is away stay, so that its lag counts from the first of them.
      if (notes.length > 3600) notes = [notes[0]!, ...notes.slice(-3599)];
      state = { ok: false, lagSeconds: null, maxLagSeconds: options.maxLagSeconds, inUse: false };
    }
  };
  await check();
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= check().finally(() => {
      running = null;
    });
  }, options.checkEveryMs ?? 1000);
  timer.unref();
  return {
    reader: () => (state.inUse ? { db, from: 'replica' } : { db: primary.db, from: 'primary' }),
    status: () => state,
    async close() {
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}

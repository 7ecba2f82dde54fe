import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite has one connection: while a transaction is open, a query on the database itself waits
 * for it to end. Issued from inside that transaction's own work (a helper handed the database
 * rather than the transaction), it waits forever, and with it every later request of the
 * process. This makes such a query fail at once, with a message that names the mistake, so the
 * defect costs one request rather than the server.
 */
export class QueryBesideTransactionError extends Error {
  constructor() {
    super(
      'a query on the database from inside one of its open transactions would wait for that transaction forever (PGlite has one connection): query through the transaction',
    );
    this.name = 'QueryBesideTransactionError';
  }
}

/** Guards a PGlite client in place; returns it. */
export function guardQueriesBesideTransactions(client: PGlite): PGlite {
  // Whether the current async work descends from one of this client's open transactions. The
  // flag is cleared when the transaction ends, for work it started and left running.
  const within = new AsyncLocalStorage<{ open: boolean }>();
  const refuseInside = () => {
    if (within.getStore()?.open) throw new QueryBesideTransactionError();
  };
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<PGlite['query']>) => {
    refuseInside();
    return query(...args);
  }) as PGlite['query'];
  client.exec = (...args: Parameters<PGlite['exec']>) => {
    refuseInside();
    return exec(...args);
  };
  client.transaction = (async (fn: Parameters<PGlite['transaction']>[0]) => {
    refuseInside();
    const state = { open: true };
    try {
      return await within.run(state, () => transaction(fn));
    } finally {
      state.open = false;
    }
  }) as PGlite['transaction'];
  return client;
}

import type { Db } from './client.js';

declare const inTransactionBrand: unique symbol;

/**
 * An open transaction. Only {@link transaction} makes one, so a function that takes `Tx` (the
 * audit log above all) cannot be handed the pool by mistake: its write would then commit on its
 * own, apart from the change it records.
 */
export type Tx = Db & { readonly [inTransactionBrand]: true };

/** Runs `fn` in one transaction: everything it writes commits together or not at all. */
export function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Tx));
}

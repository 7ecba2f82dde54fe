import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A point in time to the millisecond, with its zone: every table's timestamps. */
export const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
/** When the row was made. */
export const created = () => at('created_at').notNull().defaultNow();
/** When the row last changed (set by the commands that change it). */
export const updated = () => at('updated_at').notNull().defaultNow();

/** A PostgreSQL full-text vector (`tsvector`), read as its text form. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

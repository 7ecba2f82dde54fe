import type { YearArrangement } from '@qianxing/core/calendar';
import { integer, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../db/columns.js';
import { users } from '../users/api.js';

/**
 * A year of the official holiday calendar loaded from the State Council's notice after the code
 * was released (the built-in years ship in `@qianxing/core/calendar`). Every process of the
 * deployment adds these to its calendar (`loaded-years.ts`).
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  arrangement: jsonb('arrangement').$type<YearArrangement>().notNull(),
  loadedBy: uuid('loaded_by').references(() => users.id),
  loadedAt: at('loaded_at').notNull().defaultNow(),
});

import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { created, updated } from '../../db/columns.js';
import { units } from '../units/api.js';
import { invitations, users } from '../users/api.js';

/** 统计上大中小微型企业划分办法（2017）: 大型, 中型, 小型, 微型. */
export const firmSizes = ['large', 'medium', 'small', 'micro'] as const;
export type FirmSize = (typeof firmSizes)[number];

/** A person to call at a firm; their name and phone are masked in lists and exports. */
export interface FirmContact {
  name: string;
  phone: string;
}

/**
 * The industries a firm is filed under: a list the district office keeps, seeded with the
 * sections A–T of GB/T 4754-2017 (国民经济行业分类) by the migration that made it.
 */
export const businessIndustries = pgTable('business_industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
});

/** The firm registry (企业库): one row per firm, found by its unified social credit code. */
export const businessFirms = pgTable(
  'business_firms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    industryCode: text('industry_code')
      .notNull()
      .references(() => businessIndustries.code),
    /** The street, town or township the firm is in: its place in the unit tree decides scope. */
    townId: uuid('town_id')
      .notNull()
      .references(() => units.id),
    size: text('size', { enum: firmSizes }).notNull(),
    contacts: jsonb('contacts').$type<FirmContact[]>().notNull().default([]),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('business_firms_credit_code_key').on(t.creditCode),
    index('business_firms_town_idx').on(t.townId),
    index('business_firms_industry_idx').on(t.industryCode),
  ],
);

/** The accounts of a firm's staff: each account belongs to one firm at most, and sees only it. */
export const businessFirmMembers = pgTable(
  'business_firm_members',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id, { onDelete: 'cascade' }),
    createdAt: created(),
  },
  (t) => [index('business_firm_members_firm_idx').on(t.firmId)],
);

/** Which firm an invitation (of the accounts' invitations) makes its acceptor a member of. */
export const businessFirmInvitations = pgTable(
  'business_firm_invitations',
  {
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.invitationId] }),
    index('business_firm_invitations_firm_idx').on(t.firmId),
  ],
);

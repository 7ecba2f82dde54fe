import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { isoDate } from '../../http/input.js';
import { ActionStatus } from './contracts.js';
import { OfficeList } from './queries/lists-public.js';

export const AdoptInput = z
  .object({
    suggestionId: z.uuid().optional(),
    entryId: z.uuid().optional(),
    title: z.string().trim().min(2).max(120),
    ownerUnitId: z.uuid(),
    dueOn: isoDate(),
  })
  .strict()
  .openapi('AdoptInput');
export const ProgressInput = z
  .object({
    status: ActionStatus,
    progress: z.number().int().min(0).max(100),
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
  .openapi('ActionProgressInput');
export const EntryInput = z
  .object({
    rank: z.number().int().min(1).max(100),
    suggestionId: z.uuid().nullable().default(null),
    memberIds: z.array(z.uuid()).max(500).default([]),
    title: z.string().trim().min(2).max(120),
    citation: z.string().trim().max(2000).default(''),
  })
  .strict()
  .openapi('HonourListEntryInput');
export const SaveListInput = z
  .object({ entries: z.array(EntryInput).max(100) })
  .strict()
  .openapi('SaveListInput');
export const Candidate = z
  .object({
    suggestionId: z.uuid().nullable(),
    memberIds: z.array(z.uuid()),
    title: z.string(),
    score: z.number(),
    keywords: z.array(z.string()),
  })
  .openapi('HonourListCandidate');

/** What the caller may do with a list now: edit and save its draft, publish it, withdraw a published entry. */
export const HonourListActions = z
  .object({ save: z.boolean(), publish: z.boolean(), withdraw: z.boolean() })
  .openapi('HonourListActions');
/** A list as the office edits it: every kind is listed, a never-saved one without an id. */
export const StaffHonourList = OfficeList.extend({
  id: z.uuid().nullable(),
  actions: HonourListActions,
}).openapi('StaffHonourList');

/** Why the office withdraws an entry from a published list: its author is told. */
export const WithdrawEntryInput = z
  .object({ reason: z.string().trim().min(limits.withdrawalReason.min).max(limits.withdrawalReason.max) })
  .strict()
  .openapi('WithdrawListEntryInput');

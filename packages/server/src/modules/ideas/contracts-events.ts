import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/input.js';
import { EventActions, EventKind, EventListActions } from './contracts.js';

export const EventInput = z
  .object({
    kind: EventKind,
    title: z.string().trim().min(2).max(120),
    heldOn: isoDate(),
    place: z.string().trim().max(120).default(''),
    organiserUnitId: z.uuid(),
    attendanceCount: z.number().int().min(0).max(100_000).optional(),
    attendees: z.array(z.string().trim().min(1).max(60)).max(5000).optional(),
    minutes: z.string().max(20_000).default(''),
  })
  .strict()
  .openapi('IdeaEventInput');
export const EventUpdate = EventInput.partial().strict().openapi('IdeaEventUpdate');
export const IdeaEvent = z
  .object({
    id: z.uuid(),
    kind: EventKind,
    title: z.string(),
    heldOn: z.string(),
    place: z.string(),
    organiserUnitId: z.uuid(),
    attendanceCount: z.number().int(),
    attendees: z.array(z.string()).nullable(),
    minutes: z.string(),
    suggestionIds: z.array(z.uuid()),
  })
  .openapi('IdeaEvent');
/** The campaign's events, each saying whether the caller may change it, and whether they may add one. */
export const IdeaEventList = z
  .object({ items: z.array(IdeaEvent.extend({ actions: EventActions })), actions: EventListActions })
  .openapi('IdeaEventList');

import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/input.js';
import { EventActions, EventKind, EventListActions, SuggestionStatus } from './contracts.js';

export const EventInput = z
  .object({
    kind: EventKind,
    title: z.string().trim().min(2).max(120),
    heldOn: isoDate(),
    place: z.string().trim().max(120).default(''),
    organiserUnitId: z.uuid(),
    /** How many came; without it, the number of lines of `attendees`. */
    attendanceCount: z.number().int().min(0).max(100_000).optional(),
    /** Who came, one line each: a unit, a role or a name (参加人员). */
    attendees: z.array(z.string().trim().min(1).max(60)).max(5000).optional(),
    /** The minutes (纪要). */
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

/** One event's page: the event and whether the caller may correct it. */
export const IdeaEventDetail = IdeaEvent.extend({ actions: EventActions }).openapi('IdeaEventDetail');

export const EventSuggestionQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});
/** A suggestion collected at an event; `public` when its public page shows it. */
export const EventSuggestion = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: SuggestionStatus,
    townName: z.string().nullable(),
    createdAt: z.string(),
    public: z.boolean(),
  })
  .openapi('IdeaEventSuggestion');
export const EventSuggestionPage = z
  .object({ total: z.number().int(), items: z.array(EventSuggestion) })
  .openapi('IdeaEventSuggestionPage');

/** A kind of event's figures: how many were held, how many came, how many suggestions they brought. */
export const EventKindFigure = z
  .object({
    kind: EventKind,
    events: z.number().int(),
    attendance: z.number().int(),
    suggestions: z.number().int(),
  })
  .openapi('IdeaEventKindFigure');

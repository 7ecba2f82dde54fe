import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { createEvent } from '../commands/createEvent.js';
import { updateEvent } from '../commands/updateEvent.js';
import {
  EventInput,
  EventSuggestionPage,
  EventSuggestionQuery,
  EventUpdate,
  IdeaEvent,
  IdeaEventDetail,
  IdeaEventList,
} from '../contracts-events.js';
import { eventSuggestions, getEvent, listEvents } from '../queries/events.js';

const tags = ['ideas (staff)'];

const r = {
  events: createRoute({
    method: 'get',
    path: '/ideas/events',
    operationId: 'event.list',
    tags,
    responses: { 200: jsonOk(IdeaEventList), ...errors },
  }),
  event: createRoute({
    method: 'get',
    path: '/ideas/events/{id}',
    operationId: 'event.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(IdeaEventDetail), ...errors },
  }),
  suggestions: createRoute({
    method: 'get',
    path: '/ideas/events/{id}/suggestions',
    operationId: 'event.suggestions',
    tags,
    request: { params: IdParam, query: EventSuggestionQuery },
    responses: { 200: jsonOk(EventSuggestionPage), ...errors },
  }),
  createEvent: createRoute({
    method: 'post',
    path: '/ideas/events',
    operationId: 'event.create',
    tags,
    request: jsonBody(EventInput),
    responses: { 201: jsonOk(IdeaEvent, 'Created'), ...errors },
  }),
  updateEvent: createRoute({
    method: 'patch',
    path: '/ideas/events/{id}',
    operationId: 'event.update',
    tags,
    request: { params: IdParam, ...jsonBody(EventUpdate) },
    responses: { 200: jsonOk(IdeaEvent), ...errors },
  }),
};

/** The campaign's events (座谈会, 走出去, 请回来 …): organisers and the office. */
export const ideasEventRouter = signedInRouter([
  '/ideas/events',
  '/ideas/events/:id',
  '/ideas/events/:id/suggestions',
])
  .openapi(r.events, async (c) => c.json(await listEvents(c.get('ctx')), 200))
  .openapi(r.event, async (c) => c.json(await getEvent(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.suggestions, async (c) =>
    c.json(await eventSuggestions(c.get('ctx'), c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(r.createEvent, async (c) => c.json(await createEvent(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.updateEvent, async (c) =>
    c.json(await updateEvent(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

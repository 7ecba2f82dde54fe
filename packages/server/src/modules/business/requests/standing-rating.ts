import { type SQL, sql } from 'drizzle-orm';

/**
 * The firm's rating a request stands on: the rating of its latest answer (after a bad rating,
 * the rectification's result), unless an appeal the office upheld set it aside. Null when that
 * answer was never rated (closed unrated, or still waiting) or its rating was set aside: an
 * earlier answer's rating no longer speaks for the request once a later answer replaced it. The
 * scorecard and the requests export read it alike. `requestId` names the request's id with its
 * table (`r.id`): in the subquery a bare `id` would be the answer's.
 */
export const standingRating = (requestId: SQL): SQL<number | null> => sql<number | null>`(
  select g.score from business_ratings g
  where g.answer_id = (
      select a.id from business_answers a where a.request_id = ${requestId}
      order by a.created_at desc, a.id desc limit 1)
    and not exists (
      select 1 from business_appeals p where p.rating_id = g.id and p.status = 'upheld'))`;

import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { loadPublicSuggestion } from '../publication.js';
import { citizenOf } from '../queries/mine.js';
import { ideaFollows } from '../schema.js';

type Input = { id: string };

const follow = defineCommand({
  name: 'suggestion.follow',
  async load(ctx, { id }: Input) {
    const userId = citizenOf(ctx, 'suggestion.follow');
    await loadPublicSuggestion(ctx.db, id);
    return { userId };
  },
  async write(tx, _ctx, { userId }, { id }) {
    // Following twice is following: the second changes nothing and records nothing.
    const added = await tx
      .insert(ideaFollows)
      .values({ suggestionId: id, userId })
      .onConflictDoNothing()
      .returning({ id: ideaFollows.suggestionId });
    return {
      result: { following: true },
      audit: added.length ? { entityType: 'suggestion', entityId: id, after: { following: true } } : [],
    };
  },
});

const unfollow = defineCommand({
  name: 'suggestion.unfollow',
  async load(ctx, _input: Input) {
    return { userId: citizenOf(ctx, 'suggestion.follow') };
  },
  async write(tx, _ctx, { userId }, { id }) {
    const gone = await tx
      .delete(ideaFollows)
      .where(and(eq(ideaFollows.suggestionId, id), eq(ideaFollows.userId, userId)))
      .returning({ id: ideaFollows.suggestionId });
    return {
      result: { following: false },
      audit: gone.length ? { entityType: 'suggestion', entityId: id, after: { following: false } } : [],
    };
  },
});

/** Follow a suggestion the public may see: its state changes reach the follower's inbox. */
export const followSuggestion = (ctx: ServiceContext, id: string) => follow.run(ctx, { id });
/** Stop following; not following already is no error. */
export const unfollowSuggestion = (ctx: ServiceContext, id: string) => unfollow.run(ctx, { id });

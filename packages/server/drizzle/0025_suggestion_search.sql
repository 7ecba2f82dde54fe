ALTER TABLE "idea_suggestions" ADD COLUMN "title_words" text;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD COLUMN "body_words" text;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce(title_words, '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(body_words, '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "idea_suggestions_search_idx" ON "idea_suggestions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "idea_suggestions_unindexed_idx" ON "idea_suggestions" USING btree ("id") WHERE "idea_suggestions"."title_words" is null;
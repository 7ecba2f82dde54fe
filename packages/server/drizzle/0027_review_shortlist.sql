ALTER TABLE "idea_campaigns" ADD COLUMN "max_reviews_per_expert" integer;--> statement-breakpoint
ALTER TABLE "idea_campaigns" ADD COLUMN "shortlist_quota" jsonb DEFAULT '{"perDomain":20,"byDomain":{}}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "idea_campaigns" ADD COLUMN "review_method" text DEFAULT 'z' NOT NULL;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD COLUMN "shortlisted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD COLUMN "shortlisted_by" uuid;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD CONSTRAINT "idea_suggestions_shortlisted_by_users_id_fk" FOREIGN KEY ("shortlisted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_suggestions_shortlist_idx" ON "idea_suggestions" USING btree ("campaign_id") WHERE "idea_suggestions"."shortlisted_at" is not null;--> statement-breakpoint
-- Suggestions already sent to experts before the shortlist existed were, in effect, shortlisted.
UPDATE "idea_suggestions" SET "shortlisted_at" = now() WHERE "id" IN (SELECT "suggestion_id" FROM "idea_reviews");

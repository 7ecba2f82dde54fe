CREATE TABLE "idea_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"body" text NOT NULL,
	"name" text,
	"town_id" uuid NOT NULL,
	"user_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"moderated_by" uuid,
	"moderated_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"town_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"user_id" uuid,
	"fingerprint" text,
	"answers" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idea_campaigns" ADD COLUMN "survey" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "idea_comments" ADD CONSTRAINT "idea_comments_suggestion_id_idea_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."idea_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_comments_suggestion_idx" ON "idea_comments" USING btree ("suggestion_id","status","created_at");--> statement-breakpoint
CREATE INDEX "idea_comments_campaign_idx" ON "idea_comments" USING btree ("campaign_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_survey_user_key" ON "idea_survey_responses" USING btree ("campaign_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_survey_fingerprint_key" ON "idea_survey_responses" USING btree ("campaign_id","fingerprint");--> statement-breakpoint
CREATE INDEX "idea_survey_campaign_town_idx" ON "idea_survey_responses" USING btree ("campaign_id","town_id");
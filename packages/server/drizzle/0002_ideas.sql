CREATE TABLE "idea_action_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"suggestion_id" uuid,
	"entry_id" uuid,
	"title" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"theme" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"focus_areas" jsonb NOT NULL,
	"domains" jsonb NOT NULL,
	"channels" jsonb NOT NULL,
	"author_kinds" jsonb NOT NULL,
	"rubric" jsonb NOT NULL,
	"reject_reasons" jsonb NOT NULL,
	"list_sizes" jsonb NOT NULL,
	"reviewers_per_item" integer DEFAULT 3 NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"rolled_up_to" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"organiser_unit_id" uuid NOT NULL,
	"attendance_count" integer DEFAULT 0 NOT NULL,
	"attendees" jsonb,
	"minutes" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_expert_conflicts" (
	"expert_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "idea_expert_conflicts_expert_id_unit_id_pk" PRIMARY KEY("expert_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "idea_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"suggestion_id" uuid,
	"member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"title" text NOT NULL,
	"citation" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"tracking_code" text,
	"key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "idea_participation_rollup" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "idea_participation_rollup_campaign_id_day_dim_key_pk" PRIMARY KEY("campaign_id","day","dim","key")
);
--> statement-breakpoint
CREATE TABLE "idea_participations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "idea_participations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"town_id" uuid,
	"author_kind" text,
	"suggestion_id" uuid,
	"event_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"scores" jsonb,
	"total" double precision,
	"comment" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "idea_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"domain" text NOT NULL,
	"domain_confidence" double precision DEFAULT 0 NOT NULL,
	"domain_confirmed" boolean DEFAULT false NOT NULL,
	"town_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"channel" text NOT NULL,
	"author_user_id" uuid,
	"real_name" text,
	"phone" text,
	"tracking_code" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"merged_into" uuid,
	"reject_reason" text,
	"tokens" text DEFAULT '' NOT NULL,
	"terms" text[] GENERATED ALWAYS AS (string_to_array(tokens, ' ')) STORED,
	"supports" integer DEFAULT 0 NOT NULL,
	"event_id" uuid,
	"import_key" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_supports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"user_id" uuid,
	"fingerprint" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idea_action_updates" ADD CONSTRAINT "idea_action_updates_action_id_idea_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."idea_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_actions" ADD CONSTRAINT "idea_actions_campaign_id_idea_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."idea_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_actions" ADD CONSTRAINT "idea_actions_suggestion_id_idea_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."idea_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_actions" ADD CONSTRAINT "idea_actions_entry_id_idea_list_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."idea_list_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_actions" ADD CONSTRAINT "idea_actions_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_attachments" ADD CONSTRAINT "idea_attachments_suggestion_id_idea_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."idea_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_events" ADD CONSTRAINT "idea_events_campaign_id_idea_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."idea_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_events" ADD CONSTRAINT "idea_events_organiser_unit_id_units_id_fk" FOREIGN KEY ("organiser_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_expert_conflicts" ADD CONSTRAINT "idea_expert_conflicts_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_expert_conflicts" ADD CONSTRAINT "idea_expert_conflicts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_list_entries" ADD CONSTRAINT "idea_list_entries_list_id_idea_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."idea_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_list_entries" ADD CONSTRAINT "idea_list_entries_suggestion_id_idea_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."idea_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_lists" ADD CONSTRAINT "idea_lists_campaign_id_idea_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."idea_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_notifications" ADD CONSTRAINT "idea_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_reviews" ADD CONSTRAINT "idea_reviews_suggestion_id_idea_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."idea_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_reviews" ADD CONSTRAINT "idea_reviews_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD CONSTRAINT "idea_suggestions_campaign_id_idea_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."idea_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD CONSTRAINT "idea_suggestions_town_id_units_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD CONSTRAINT "idea_suggestions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_suggestions" ADD CONSTRAINT "idea_suggestions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_supports" ADD CONSTRAINT "idea_supports_suggestion_id_idea_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."idea_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_supports" ADD CONSTRAINT "idea_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_action_updates_action_idx" ON "idea_action_updates" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "idea_actions_campaign_idx" ON "idea_actions" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_campaigns_code_key" ON "idea_campaigns" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_campaigns_current_key" ON "idea_campaigns" USING btree ("is_current") WHERE "idea_campaigns"."is_current";--> statement-breakpoint
CREATE INDEX "idea_events_campaign_idx" ON "idea_events" USING btree ("campaign_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_list_entries_rank_key" ON "idea_list_entries" USING btree ("list_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_lists_kind_key" ON "idea_lists" USING btree ("campaign_id","kind");--> statement-breakpoint
CREATE INDEX "idea_notifications_user_idx" ON "idea_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "idea_notifications_code_idx" ON "idea_notifications" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "idea_participations_campaign_at_idx" ON "idea_participations" USING btree ("campaign_id","at");--> statement-breakpoint
CREATE INDEX "idea_participations_suggestion_idx" ON "idea_participations" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "idea_participations_event_idx" ON "idea_participations" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_reviews_pair_key" ON "idea_reviews" USING btree ("suggestion_id","expert_id");--> statement-breakpoint
CREATE INDEX "idea_reviews_expert_idx" ON "idea_reviews" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_suggestions_tracking_key" ON "idea_suggestions" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_suggestions_import_key" ON "idea_suggestions" USING btree ("campaign_id","import_key");--> statement-breakpoint
CREATE INDEX "idea_suggestions_campaign_status_idx" ON "idea_suggestions" USING btree ("campaign_id","status","created_at");--> statement-breakpoint
CREATE INDEX "idea_suggestions_town_idx" ON "idea_suggestions" USING btree ("town_id");--> statement-breakpoint
CREATE INDEX "idea_suggestions_author_idx" ON "idea_suggestions" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "idea_suggestions_terms_idx" ON "idea_suggestions" USING gin ("terms");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_supports_user_key" ON "idea_supports" USING btree ("suggestion_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_supports_fingerprint_key" ON "idea_supports" USING btree ("suggestion_id","fingerprint");--> statement-breakpoint
CREATE INDEX "idea_timeline_suggestion_idx" ON "idea_timeline" USING btree ("suggestion_id","at");
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"result" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"requirement" text,
	"deadline_days" integer,
	"due_date" date,
	"recorded_by" uuid,
	"rectified_at" timestamp (3) with time zone,
	"rectified_by" uuid,
	"rectification_note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_findings_issue_check" CHECK (("inspection_findings"."result" = 'issue') = ("inspection_findings"."requirement" is not null) and ("inspection_findings"."requirement" is null) = ("inspection_findings"."deadline_days" is null)),
	CONSTRAINT "inspection_findings_deadline_check" CHECK ("inspection_findings"."deadline_days" between 1 and 60),
	CONSTRAINT "inspection_findings_rectified_check" CHECK (("inspection_findings"."rectified_at" is null or "inspection_findings"."result" = 'issue') and ("inspection_findings"."rectified_at" is null) = ("inspection_findings"."rectification_note" is null))
);
--> statement-breakpoint
CREATE TABLE "inspection_visit_ratings" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"rated_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_visit_ratings_score_check" CHECK ("inspection_visit_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD COLUMN "status" text DEFAULT 'planned' NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD COLUMN "code" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD COLUMN "started_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD COLUMN "started_by" uuid;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD COLUMN "completed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD COLUMN "completed_by" uuid;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_visit_id_inspection_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."inspection_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_item_id_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_rectified_by_users_id_fk" FOREIGN KEY ("rectified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visit_ratings" ADD CONSTRAINT "inspection_visit_ratings_visit_id_inspection_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."inspection_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visit_ratings" ADD CONSTRAINT "inspection_visit_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_findings_visit_item_key" ON "inspection_findings" USING btree ("visit_id","item_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_due_idx" ON "inspection_findings" USING btree ("due_date");--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_visits_code_key" ON "inspection_visits" USING btree ("code");--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_status_check" CHECK (("inspection_visits"."status" = 'planned') = ("inspection_visits"."started_at" is null) and ("inspection_visits"."status" = 'completed') = ("inspection_visits"."completed_at" is not null));
CREATE TABLE "reform_progress_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"milestone_name" text NOT NULL,
	"done_before" double precision NOT NULL,
	"done_after" double precision NOT NULL,
	"reason" text NOT NULL,
	"corrected_by" uuid,
	"corrected_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_progress_corrections_lower_check" CHECK ("reform_progress_corrections"."done_after" >= 0 and "reform_progress_corrections"."done_after" < "reform_progress_corrections"."done_before")
);
--> statement-breakpoint
CREATE TABLE "reform_report_removed_items" (
	"report_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"milestone_name" text NOT NULL,
	"weight" double precision NOT NULL,
	"due_date" date NOT NULL,
	"done" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"removed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"removed_by" uuid,
	CONSTRAINT "reform_report_removed_items_report_id_milestone_id_pk" PRIMARY KEY("report_id","milestone_id")
);
--> statement-breakpoint
ALTER TABLE "reform_progress_corrections" ADD CONSTRAINT "reform_progress_corrections_project_id_reform_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reform_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_progress_corrections" ADD CONSTRAINT "reform_progress_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_report_removed_items" ADD CONSTRAINT "reform_report_removed_items_report_id_reform_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reform_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_report_removed_items" ADD CONSTRAINT "reform_report_removed_items_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reform_progress_corrections_project_idx" ON "reform_progress_corrections" USING btree ("project_id","corrected_at");
CREATE TABLE "reform_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"due_date" date NOT NULL,
	"done" double precision DEFAULT 0 NOT NULL,
	"done_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_milestones_weight_check" CHECK ("reform_milestones"."weight" > 0),
	CONSTRAINT "reform_milestones_done_check" CHECK ("reform_milestones"."done" >= 0 and "reform_milestones"."done" <= 1)
);
--> statement-breakpoint
CREATE TABLE "reform_project_units" (
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "reform_project_units_project_id_unit_id_pk" PRIMARY KEY("project_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "reform_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"list_id" uuid NOT NULL,
	"source" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"pilot_level" text,
	"pilot_status" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_projects_dates_check" CHECK ("reform_projects"."end_date" >= "reform_projects"."start_date"),
	CONSTRAINT "reform_projects_pilot_check" CHECK (("reform_projects"."pilot_level" is null) = ("reform_projects"."pilot_status" is null))
);
--> statement-breakpoint
CREATE TABLE "reform_reminders" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"sent_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_reminders_kind_subject_id_due_date_pk" PRIMARY KEY("kind","subject_id","due_date")
);
--> statement-breakpoint
CREATE TABLE "reform_report_items" (
	"report_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"done" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "reform_report_items_report_id_milestone_id_pk" PRIMARY KEY("report_id","milestone_id"),
	CONSTRAINT "reform_report_items_done_check" CHECK ("reform_report_items"."done" >= 0 and "reform_report_items"."done" <= 1)
);
--> statement-breakpoint
CREATE TABLE "reform_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"deadline" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp (3) with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
	"reviewed_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reform_milestones" ADD CONSTRAINT "reform_milestones_project_id_reform_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reform_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_project_units" ADD CONSTRAINT "reform_project_units_project_id_reform_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reform_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_project_units" ADD CONSTRAINT "reform_project_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_projects" ADD CONSTRAINT "reform_projects_list_id_reform_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."reform_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_projects" ADD CONSTRAINT "reform_projects_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_report_items" ADD CONSTRAINT "reform_report_items_report_id_reform_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reform_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_report_items" ADD CONSTRAINT "reform_report_items_milestone_id_reform_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."reform_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_reports" ADD CONSTRAINT "reform_reports_project_id_reform_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reform_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_reports" ADD CONSTRAINT "reform_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_reports" ADD CONSTRAINT "reform_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reform_lists_name_key" ON "reform_lists" USING btree ("name");--> statement-breakpoint
CREATE INDEX "reform_milestones_project_idx" ON "reform_milestones" USING btree ("project_id","sort");--> statement-breakpoint
CREATE INDEX "reform_milestones_due_idx" ON "reform_milestones" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "reform_project_units_unit_idx" ON "reform_project_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_projects_code_key" ON "reform_projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "reform_projects_list_idx" ON "reform_projects" USING btree ("list_id");--> statement-breakpoint
CREATE INDEX "reform_projects_lead_idx" ON "reform_projects" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_reports_project_period_key" ON "reform_reports" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "reform_reports_status_idx" ON "reform_reports" USING btree ("status");
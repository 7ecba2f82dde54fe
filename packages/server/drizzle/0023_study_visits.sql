CREATE TABLE "reform_study_attendance" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_study_attendance_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "reform_study_insights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_study_members" (
	"visit_id" uuid NOT NULL,
	"sort" integer NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "reform_study_members_visit_id_sort_pk" PRIMARY KEY("visit_id","sort")
);
--> statement-breakpoint
CREATE TABLE "reform_study_practice_projects" (
	"practice_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "reform_study_practice_projects_practice_id_project_id_pk" PRIMARY KEY("practice_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "reform_study_practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_place" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_study_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"form" text NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"teacher" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_study_sessions_times_check" CHECK ("reform_study_sessions"."end_time" > "reform_study_sessions"."start_time")
);
--> statement-breakpoint
CREATE TABLE "reform_study_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"destinations" text[] NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"report_summary" text DEFAULT '' NOT NULL,
	"reported_at" timestamp (3) with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_study_visits_dates_check" CHECK ("reform_study_visits"."end_date" >= "reform_study_visits"."start_date")
);
--> statement-breakpoint
ALTER TABLE "reform_study_attendance" ADD CONSTRAINT "reform_study_attendance_session_id_reform_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reform_study_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_attendance" ADD CONSTRAINT "reform_study_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_attendance" ADD CONSTRAINT "reform_study_attendance_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_insights" ADD CONSTRAINT "reform_study_insights_visit_id_reform_study_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."reform_study_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_members" ADD CONSTRAINT "reform_study_members_visit_id_reform_study_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."reform_study_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_members" ADD CONSTRAINT "reform_study_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_members" ADD CONSTRAINT "reform_study_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_practice_projects" ADD CONSTRAINT "reform_study_practice_projects_practice_id_reform_study_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."reform_study_practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_practice_projects" ADD CONSTRAINT "reform_study_practice_projects_project_id_reform_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reform_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_practices" ADD CONSTRAINT "reform_study_practices_visit_id_reform_study_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."reform_study_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_sessions" ADD CONSTRAINT "reform_study_sessions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_study_visits" ADD CONSTRAINT "reform_study_visits_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reform_study_attendance_user_idx" ON "reform_study_attendance" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reform_study_insights_visit_idx" ON "reform_study_insights" USING btree ("visit_id","sort");--> statement-breakpoint
CREATE INDEX "reform_study_practice_projects_project_idx" ON "reform_study_practice_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "reform_study_practices_visit_idx" ON "reform_study_practices" USING btree ("visit_id","sort");--> statement-breakpoint
CREATE INDEX "reform_study_sessions_date_idx" ON "reform_study_sessions" USING btree ("date");--> statement-breakpoint
CREATE INDEX "reform_study_visits_unit_idx" ON "reform_study_visits" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "reform_study_visits_status_idx" ON "reform_study_visits" USING btree ("status","start_date");
CREATE TABLE "reform_battle_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"battle_id" uuid NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_battle_phases_dates_check" CHECK ("reform_battle_phases"."end_date" >= "reform_battle_phases"."start_date"),
	CONSTRAINT "reform_battle_phases_progress_check" CHECK ("reform_battle_phases"."progress" >= 0 and "reform_battle_phases"."progress" <= 1)
);
--> statement-breakpoint
CREATE TABLE "reform_battle_projects" (
	"battle_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "reform_battle_projects_battle_id_project_id_pk" PRIMARY KEY("battle_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "reform_battle_suggestions" (
	"battle_id" uuid NOT NULL,
	"suggestion_id" uuid NOT NULL,
	CONSTRAINT "reform_battle_suggestions_battle_id_suggestion_id_pk" PRIMARY KEY("battle_id","suggestion_id")
);
--> statement-breakpoint
CREATE TABLE "reform_battles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"step" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"adopted_in" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp (3) with time zone,
	"tokens" text DEFAULT '' NOT NULL,
	"terms" text[] GENERATED ALWAYS AS (string_to_array(tokens, ' ')) STORED,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_plan" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"start_date" date NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_plan_single_check" CHECK ("reform_plan"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "reform_battle_phases" ADD CONSTRAINT "reform_battle_phases_battle_id_reform_battles_id_fk" FOREIGN KEY ("battle_id") REFERENCES "public"."reform_battles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_battle_projects" ADD CONSTRAINT "reform_battle_projects_battle_id_reform_battles_id_fk" FOREIGN KEY ("battle_id") REFERENCES "public"."reform_battles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_battle_projects" ADD CONSTRAINT "reform_battle_projects_project_id_reform_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reform_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_battle_suggestions" ADD CONSTRAINT "reform_battle_suggestions_battle_id_reform_battles_id_fk" FOREIGN KEY ("battle_id") REFERENCES "public"."reform_battles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_battle_suggestions" ADD CONSTRAINT "reform_battle_suggestions_suggestion_id_idea_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."idea_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_battles" ADD CONSTRAINT "reform_battles_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_cases" ADD CONSTRAINT "reform_cases_project_id_reform_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reform_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reform_battle_phases_battle_idx" ON "reform_battle_phases" USING btree ("battle_id","sort");--> statement-breakpoint
CREATE INDEX "reform_battle_projects_project_idx" ON "reform_battle_projects" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_battles_name_key" ON "reform_battles" USING btree ("name");--> statement-breakpoint
CREATE INDEX "reform_battles_lead_idx" ON "reform_battles" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_cases_title_key" ON "reform_cases" USING btree ("title");--> statement-breakpoint
CREATE INDEX "reform_cases_project_idx" ON "reform_cases" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "reform_cases_status_idx" ON "reform_cases" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "reform_cases_terms_idx" ON "reform_cases" USING gin ("terms");
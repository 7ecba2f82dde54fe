CREATE TABLE "target_benchmarks" (
	"region_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_benchmarks_region_id_indicator_id_period_pk" PRIMARY KEY("region_id","indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "target_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"measure" text NOT NULL,
	"direction" text NOT NULL,
	"category" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"frequency" text DEFAULT 'quarterly' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_plan_items" (
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"base" double precision NOT NULL,
	"target_q1" double precision NOT NULL,
	"target_q2" double precision NOT NULL,
	"target_q3" double precision NOT NULL,
	"target_q4" double precision NOT NULL,
	"benchmark_region_id" uuid,
	"benchmark_value" double precision,
	"weight" double precision DEFAULT 1 NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "target_plan_items_plan_id_indicator_id_pk" PRIMARY KEY("plan_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "target_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp (3) with time zone,
	"reviewed_at" timestamp (3) with time zone,
	"reviewed_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_regional_values" (
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "target_regional_values_region_id_year_metric_pk" PRIMARY KEY("region_id","year","metric")
);
--> statement-breakpoint
CREATE TABLE "target_regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_report_values" (
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "target_report_values_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "target_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"deadline" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp (3) with time zone,
	"reviewed_at" timestamp (3) with time zone,
	"reviewed_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp (3) with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "target_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "target_benchmarks" ADD CONSTRAINT "target_benchmarks_region_id_target_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."target_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_benchmarks" ADD CONSTRAINT "target_benchmarks_indicator_id_target_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."target_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_evidence" ADD CONSTRAINT "target_evidence_report_id_target_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."target_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_evidence" ADD CONSTRAINT "target_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_plan_items" ADD CONSTRAINT "target_plan_items_plan_id_target_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."target_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_plan_items" ADD CONSTRAINT "target_plan_items_indicator_id_target_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."target_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_plan_items" ADD CONSTRAINT "target_plan_items_benchmark_region_id_target_regions_id_fk" FOREIGN KEY ("benchmark_region_id") REFERENCES "public"."target_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_plans" ADD CONSTRAINT "target_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_plans" ADD CONSTRAINT "target_plans_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_regional_values" ADD CONSTRAINT "target_regional_values_region_id_target_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."target_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_report_values" ADD CONSTRAINT "target_report_values_report_id_target_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."target_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_report_values" ADD CONSTRAINT "target_report_values_indicator_id_target_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."target_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_reports" ADD CONSTRAINT "target_reports_plan_id_target_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."target_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_reports" ADD CONSTRAINT "target_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_reports" ADD CONSTRAINT "target_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_scorecards" ADD CONSTRAINT "target_scorecards_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_benchmarks_indicator_idx" ON "target_benchmarks" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "target_evidence_report_idx" ON "target_evidence" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_indicators_code_key" ON "target_indicators" USING btree ("code");--> statement-breakpoint
CREATE INDEX "target_indicators_cat_idx" ON "target_indicators" USING btree ("category");--> statement-breakpoint
CREATE UNIQUE INDEX "target_plans_unit_year_key" ON "target_plans" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "target_plans_year_idx" ON "target_plans" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "target_regions_code_key" ON "target_regions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "target_reports_plan_period_key" ON "target_reports" USING btree ("plan_id","period");--> statement-breakpoint
CREATE INDEX "target_reports_period_idx" ON "target_reports" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "target_scorecards_period_key" ON "target_scorecards" USING btree ("period");
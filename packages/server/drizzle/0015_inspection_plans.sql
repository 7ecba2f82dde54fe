CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"max_hours_per_visit" double precision NOT NULL,
	"inspectors_per_visit" integer NOT NULL,
	"capacity_per_day" integer NOT NULL,
	"separate_visits" integer NOT NULL,
	"lower_bound" integer NOT NULL,
	"unplanned" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp (3) with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_plans_period_check" CHECK ("inspection_plans"."period_end" >= "inspection_plans"."period_start"),
	CONSTRAINT "inspection_plans_published_check" CHECK (("inspection_plans"."status" = 'published') = ("inspection_plans"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "inspection_visit_sources" (
	"visit_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"hours" double precision NOT NULL,
	CONSTRAINT "inspection_visit_sources_task_id_firm_id_unit_id_pk" PRIMARY KEY("task_id","firm_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"date" date NOT NULL,
	"inspector_ids" uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visit_sources" ADD CONSTRAINT "inspection_visit_sources_visit_id_inspection_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."inspection_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visit_sources" ADD CONSTRAINT "inspection_visit_sources_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visit_sources" ADD CONSTRAINT "inspection_visit_sources_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visit_sources" ADD CONSTRAINT "inspection_visit_sources_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_plans_period_idx" ON "inspection_plans" USING btree ("period_start");--> statement-breakpoint
CREATE INDEX "inspection_visit_sources_visit_idx" ON "inspection_visit_sources" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "inspection_visits_plan_idx" ON "inspection_visits" USING btree ("plan_id","date");--> statement-breakpoint
CREATE INDEX "inspection_visits_firm_idx" ON "inspection_visits" USING btree ("firm_id","date");
CREATE TABLE "inspection_conflicts" (
	"inspector_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	CONSTRAINT "inspection_conflicts_inspector_id_firm_id_pk" PRIMARY KEY("inspector_id","firm_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_drawn_firms" (
	"task_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"risk" text NOT NULL,
	"inspector_ids" uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_drawn_firms_task_id_firm_id_pk" PRIMARY KEY("task_id","firm_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_firm_profiles" (
	"firm_id" uuid PRIMARY KEY NOT NULL,
	"risk" text NOT NULL,
	"blocked_dates" date[] DEFAULT '{}' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"qualifications" text[] DEFAULT '{}' NOT NULL,
	"working_days" smallint[] DEFAULT '{1,2,3,4,5}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"qualification" text,
	"expected_minutes" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_items_minutes_check" CHECK ("inspection_items"."expected_minutes" between 1 and 480)
);
--> statement-breakpoint
CREATE TABLE "inspection_task_items" (
	"task_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "inspection_task_items_task_id_item_id_pk" PRIMARY KEY("task_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_task_units" (
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "inspection_task_units_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sample" jsonb NOT NULL,
	"inspectors_per_visit" integer NOT NULL,
	"qualifications" text[] DEFAULT '{}' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"seed_hash" text,
	"seed" text,
	"input" jsonb,
	"result" jsonb,
	"announced_at" timestamp (3) with time zone,
	"announced_by" uuid,
	"drawn_at" timestamp (3) with time zone,
	"drawn_by" uuid,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_tasks_period_check" CHECK ("inspection_tasks"."period_end" >= "inspection_tasks"."period_start"),
	CONSTRAINT "inspection_tasks_team_check" CHECK ("inspection_tasks"."inspectors_per_visit" between 1 and 10),
	CONSTRAINT "inspection_tasks_commit_check" CHECK (("inspection_tasks"."status" = 'draft') = ("inspection_tasks"."seed_hash" is null) and ("inspection_tasks"."seed_hash" is null) = ("inspection_tasks"."seed" is null) and ("inspection_tasks"."status" = 'drawn') = ("inspection_tasks"."result" is not null) and ("inspection_tasks"."result" is null) = ("inspection_tasks"."drawn_at" is null))
);
--> statement-breakpoint
ALTER TABLE "inspection_conflicts" ADD CONSTRAINT "inspection_conflicts_inspector_id_inspection_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspection_inspectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_conflicts" ADD CONSTRAINT "inspection_conflicts_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_drawn_firms" ADD CONSTRAINT "inspection_drawn_firms_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_drawn_firms" ADD CONSTRAINT "inspection_drawn_firms_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_firm_profiles" ADD CONSTRAINT "inspection_firm_profiles_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_inspectors" ADD CONSTRAINT "inspection_inspectors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_inspectors" ADD CONSTRAINT "inspection_inspectors_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_items" ADD CONSTRAINT "inspection_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_task_items" ADD CONSTRAINT "inspection_task_items_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_task_items" ADD CONSTRAINT "inspection_task_items_item_id_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_task_units" ADD CONSTRAINT "inspection_task_units_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_task_units" ADD CONSTRAINT "inspection_task_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_announced_by_users_id_fk" FOREIGN KEY ("announced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_conflicts_firm_idx" ON "inspection_conflicts" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "inspection_drawn_firms_firm_idx" ON "inspection_drawn_firms" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "inspection_firm_profiles_risk_idx" ON "inspection_firm_profiles" USING btree ("risk");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_inspectors_user_key" ON "inspection_inspectors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "inspection_inspectors_unit_idx" ON "inspection_inspectors" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_items_code_key" ON "inspection_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "inspection_items_unit_idx" ON "inspection_items" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "inspection_task_units_unit_idx" ON "inspection_task_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "inspection_tasks_status_idx" ON "inspection_tasks" USING btree ("status","announced_at");--> statement-breakpoint
-- Commit, then reveal: once a task's seed and its hash are set (at the announcement) neither
-- changes again, and a drawn task's input and result stay as drawn.
CREATE FUNCTION "inspection_tasks_keep_commitment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."seed_hash" IS NOT NULL AND (NEW."seed_hash" IS DISTINCT FROM OLD."seed_hash" OR NEW."seed" IS DISTINCT FROM OLD."seed") THEN
    RAISE EXCEPTION 'the seed of an announced task cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."status" = 'drawn' AND (NEW."input" IS DISTINCT FROM OLD."input" OR NEW."result" IS DISTINCT FROM OLD."result" OR NEW."status" IS DISTINCT FROM OLD."status") THEN
    RAISE EXCEPTION 'a drawn task cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "inspection_tasks_keep_commitment" BEFORE UPDATE ON "inspection_tasks" FOR EACH ROW EXECUTE FUNCTION "inspection_tasks_keep_commitment"();

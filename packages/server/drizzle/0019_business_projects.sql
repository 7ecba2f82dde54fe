CREATE TABLE "business_industrial_chains" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_market_entities" (
	"month" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_project_funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_project_funds_amount_positive" CHECK ("business_project_funds"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "business_project_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"stall_days" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_project_settings_one_row" CHECK ("business_project_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "business_project_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"reached_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"investor" text NOT NULL,
	"firm_id" uuid,
	"amount" bigint NOT NULL,
	"chain_code" text NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_projects_amount_positive" CHECK ("business_projects"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "business_market_entities" ADD CONSTRAINT "business_market_entities_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_project_funds" ADD CONSTRAINT "business_project_funds_project_id_business_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."business_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_project_funds" ADD CONSTRAINT "business_project_funds_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_project_stages" ADD CONSTRAINT "business_project_stages_project_id_business_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."business_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_project_stages" ADD CONSTRAINT "business_project_stages_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_projects" ADD CONSTRAINT "business_projects_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_projects" ADD CONSTRAINT "business_projects_chain_code_business_industrial_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."business_industrial_chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_projects" ADD CONSTRAINT "business_projects_commissioner_id_users_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_projects" ADD CONSTRAINT "business_projects_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_project_funds_project_idx" ON "business_project_funds" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "business_project_funds_on_idx" ON "business_project_funds" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "business_project_stages_project_idx" ON "business_project_stages" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "business_projects_signed_idx" ON "business_projects" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "business_projects_commissioner_idx" ON "business_projects" USING btree ("commissioner_id");
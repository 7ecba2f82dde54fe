CREATE TABLE "business_liaison_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category_code" text,
	"request_id" uuid
);
--> statement-breakpoint
CREATE TABLE "business_liaison_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"paired_on" date NOT NULL,
	"ended_on" date,
	"assigned_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_liaison_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"visit_every_days" smallint DEFAULT 90 NOT NULL,
	"due_soon_days" smallint DEFAULT 14 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_liaison_settings_one_row" CHECK ("business_liaison_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "business_liaison_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"attendees" text NOT NULL,
	"topics" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "business_liaison_issues" ADD CONSTRAINT "business_liaison_issues_visit_id_business_liaison_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."business_liaison_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_liaison_issues" ADD CONSTRAINT "business_liaison_issues_category_code_business_request_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."business_request_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_liaison_issues" ADD CONSTRAINT "business_liaison_issues_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_liaison_pairs" ADD CONSTRAINT "business_liaison_pairs_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_liaison_pairs" ADD CONSTRAINT "business_liaison_pairs_cadre_id_users_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_liaison_pairs" ADD CONSTRAINT "business_liaison_pairs_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_liaison_visits" ADD CONSTRAINT "business_liaison_visits_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_liaison_visits" ADD CONSTRAINT "business_liaison_visits_cadre_id_users_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "business_liaison_issues_visit_key" ON "business_liaison_issues" USING btree ("visit_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "business_liaison_pairs_current_key" ON "business_liaison_pairs" USING btree ("firm_id") WHERE "business_liaison_pairs"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "business_liaison_pairs_cadre_idx" ON "business_liaison_pairs" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "business_liaison_visits_firm_idx" ON "business_liaison_visits" USING btree ("firm_id","visited_on");
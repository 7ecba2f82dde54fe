CREATE TABLE "business_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" text DEFAULT 'answer' NOT NULL,
	"body" text NOT NULL,
	"on_time" boolean NOT NULL,
	"answered_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_note" text,
	"raised_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "business_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"workdays" smallint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"due_before" date NOT NULL,
	"due_after" date,
	"decision_note" text,
	"requested_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "business_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"rating_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"visited_on" date,
	"visit_note" text,
	"result_answer_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_request_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"answer_workdays" smallint DEFAULT 5 NOT NULL,
	"rectify_workdays" smallint DEFAULT 15 NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"department_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"suggested_department_id" uuid,
	"suggestion_confidence" real,
	"suggestion_kept" boolean,
	"department_id" uuid,
	"due_on" date,
	"raised_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "business_answers" ADD CONSTRAINT "business_answers_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_answers" ADD CONSTRAINT "business_answers_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_answers" ADD CONSTRAINT "business_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_appeals" ADD CONSTRAINT "business_appeals_rating_id_business_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."business_ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_appeals" ADD CONSTRAINT "business_appeals_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_appeals" ADD CONSTRAINT "business_appeals_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_appeals" ADD CONSTRAINT "business_appeals_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_appeals" ADD CONSTRAINT "business_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_extensions" ADD CONSTRAINT "business_extensions_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_extensions" ADD CONSTRAINT "business_extensions_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_extensions" ADD CONSTRAINT "business_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_extensions" ADD CONSTRAINT "business_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_ratings" ADD CONSTRAINT "business_ratings_answer_id_business_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."business_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_ratings" ADD CONSTRAINT "business_ratings_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_ratings" ADD CONSTRAINT "business_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_rectifications" ADD CONSTRAINT "business_rectifications_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_rectifications" ADD CONSTRAINT "business_rectifications_rating_id_business_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."business_ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_rectifications" ADD CONSTRAINT "business_rectifications_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_rectifications" ADD CONSTRAINT "business_rectifications_result_answer_id_business_answers_id_fk" FOREIGN KEY ("result_answer_id") REFERENCES "public"."business_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_request_events" ADD CONSTRAINT "business_request_events_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_request_events" ADD CONSTRAINT "business_request_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_request_events" ADD CONSTRAINT "business_request_events_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_requests" ADD CONSTRAINT "business_requests_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_requests" ADD CONSTRAINT "business_requests_category_code_business_request_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."business_request_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_requests" ADD CONSTRAINT "business_requests_suggested_department_id_units_id_fk" FOREIGN KEY ("suggested_department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_requests" ADD CONSTRAINT "business_requests_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_requests" ADD CONSTRAINT "business_requests_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_answers_request_idx" ON "business_answers" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_appeals_rating_key" ON "business_appeals" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "business_appeals_request_idx" ON "business_appeals" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "business_extensions_request_idx" ON "business_extensions" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_extensions_pending_key" ON "business_extensions" USING btree ("request_id") WHERE "business_extensions"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "business_ratings_answer_key" ON "business_ratings" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "business_ratings_request_idx" ON "business_ratings" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_rectifications_rating_key" ON "business_rectifications" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "business_rectifications_request_idx" ON "business_rectifications" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "business_request_events_request_idx" ON "business_request_events" USING btree ("request_id","seq");--> statement-breakpoint
CREATE INDEX "business_requests_firm_idx" ON "business_requests" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "business_requests_department_idx" ON "business_requests" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "business_requests_status_idx" ON "business_requests" USING btree ("status");
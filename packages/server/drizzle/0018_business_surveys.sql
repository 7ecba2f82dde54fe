CREATE TABLE "business_survey_comments" (
	"response_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_survey_comments_response_id_department_id_pk" PRIMARY KEY("response_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "business_survey_departments" (
	"survey_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"extra_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "business_survey_departments_survey_id_department_id_pk" PRIMARY KEY("survey_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "business_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"firm_id" uuid,
	"phone_hash" text,
	"answered_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_survey_responses_one_respondent" CHECK (("business_survey_responses"."kind" = 'firm' and "business_survey_responses"."firm_id" is not null and "business_survey_responses"."phone_hash" is null)
        or ("business_survey_responses"."kind" = 'public' and "business_survey_responses"."phone_hash" is not null and "business_survey_responses"."firm_id" is null))
);
--> statement-breakpoint
CREATE TABLE "business_survey_scores" (
	"response_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"kind" text NOT NULL,
	"score" smallint NOT NULL,
	CONSTRAINT "business_survey_scores_response_id_department_id_question_id_pk" PRIMARY KEY("response_id","department_id","question_id"),
	CONSTRAINT "business_survey_scores_range" CHECK ("business_survey_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "business_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"audience" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"questions" jsonb NOT NULL,
	"phone_salt" text NOT NULL,
	"closed_on" date,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_surveys_dates" CHECK ("business_surveys"."opens_on" <= "business_surveys"."closes_on")
);
--> statement-breakpoint
ALTER TABLE "business_scorecard_settings" ADD COLUMN "weight_survey" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "business_survey_comments" ADD CONSTRAINT "business_survey_comments_response_id_business_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."business_survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_comments" ADD CONSTRAINT "business_survey_comments_survey_id_business_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."business_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_comments" ADD CONSTRAINT "business_survey_comments_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_departments" ADD CONSTRAINT "business_survey_departments_survey_id_business_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."business_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_departments" ADD CONSTRAINT "business_survey_departments_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_responses" ADD CONSTRAINT "business_survey_responses_survey_id_business_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."business_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_responses" ADD CONSTRAINT "business_survey_responses_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_responses" ADD CONSTRAINT "business_survey_responses_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_scores" ADD CONSTRAINT "business_survey_scores_response_id_business_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."business_survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_scores" ADD CONSTRAINT "business_survey_scores_survey_id_business_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."business_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_survey_scores" ADD CONSTRAINT "business_survey_scores_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_surveys" ADD CONSTRAINT "business_surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_survey_comments_survey_idx" ON "business_survey_comments" USING btree ("survey_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_survey_responses_firm_key" ON "business_survey_responses" USING btree ("survey_id","firm_id") WHERE "business_survey_responses"."firm_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "business_survey_responses_phone_key" ON "business_survey_responses" USING btree ("survey_id","phone_hash") WHERE "business_survey_responses"."phone_hash" is not null;--> statement-breakpoint
CREATE INDEX "business_survey_scores_survey_idx" ON "business_survey_scores" USING btree ("survey_id","department_id");--> statement-breakpoint
CREATE INDEX "business_surveys_status_idx" ON "business_surveys" USING btree ("status","closed_on");
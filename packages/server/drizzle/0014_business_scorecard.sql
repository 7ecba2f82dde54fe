CREATE TABLE "business_scorecard_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"deadline_workdays" smallint DEFAULT 5 NOT NULL,
	"weight_response" double precision DEFAULT 0.3 NOT NULL,
	"weight_resolution" double precision DEFAULT 0.3 NOT NULL,
	"weight_satisfaction" double precision DEFAULT 0.4 NOT NULL,
	"good_from" double precision DEFAULT 85 NOT NULL,
	"poor_below" double precision DEFAULT 60 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_scorecard_settings_one_row" CHECK ("business_scorecard_settings"."id" = 1)
);

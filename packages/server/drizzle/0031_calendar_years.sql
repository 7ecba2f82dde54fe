CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"arrangement" jsonb NOT NULL,
	"loaded_by" uuid,
	"loaded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_loaded_by_users_id_fk" FOREIGN KEY ("loaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
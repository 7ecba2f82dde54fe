ALTER TABLE "idea_list_entries" ADD COLUMN "withdrawn_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "idea_list_entries" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "idea_list_entries" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "idea_list_entries" ADD CONSTRAINT "idea_list_entries_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
CREATE TABLE "inspection_visit_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"moved_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_visit_moves_dates_check" CHECK ("inspection_visit_moves"."from_date" <> "inspection_visit_moves"."to_date")
);
--> statement-breakpoint
ALTER TABLE "inspection_visit_moves" ADD CONSTRAINT "inspection_visit_moves_visit_id_inspection_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."inspection_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visit_moves" ADD CONSTRAINT "inspection_visit_moves_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_visit_moves_visit_idx" ON "inspection_visit_moves" USING btree ("visit_id","created_at");
ALTER TABLE "idea_attachments" ADD COLUMN "uploaded_by" uuid;--> statement-breakpoint
ALTER TABLE "idea_attachments" ADD CONSTRAINT "idea_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_attachments_suggestion_idx" ON "idea_attachments" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "idea_participations_campaign_town_idx" ON "idea_participations" USING btree ("campaign_id","town_id");
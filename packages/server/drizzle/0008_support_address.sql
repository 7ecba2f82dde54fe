ALTER TABLE "idea_supports" ADD COLUMN "address" text;--> statement-breakpoint
CREATE UNIQUE INDEX "idea_supports_address_key" ON "idea_supports" USING btree ("suggestion_id","address");
ALTER TABLE "target_regional_values" ADD COLUMN "provenance" text DEFAULT 'real' NOT NULL;--> statement-breakpoint
-- Values written before provenance was kept: the demo ones were generated.
UPDATE "target_regional_values" SET "provenance" = 'generated' WHERE "is_demo";

ALTER TABLE "business_supervision" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "business_supervision" ADD COLUMN "closed_reason" text;
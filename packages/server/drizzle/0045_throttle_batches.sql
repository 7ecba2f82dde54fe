CREATE TABLE "throttle_batches" (
	"token" uuid PRIMARY KEY NOT NULL,
	"counted" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "throttle_batches_created_idx" ON "throttle_batches" USING btree ("created_at");
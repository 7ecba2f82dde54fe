-- A pending code is kept per phone and purpose. The codes pending now were kept per phone alone and
-- their purpose is only inside their hash, so they go: each lives ten minutes, and whoever waits
-- for one asks again.
DELETE FROM "verification_codes";--> statement-breakpoint
ALTER TABLE "verification_codes" DROP CONSTRAINT "verification_codes_pkey";--> statement-breakpoint
ALTER TABLE "verification_codes" ADD COLUMN "purpose" text NOT NULL;--> statement-breakpoint
ALTER TABLE "verification_codes" ADD CONSTRAINT "verification_codes_phone_purpose_pk" PRIMARY KEY("phone","purpose");

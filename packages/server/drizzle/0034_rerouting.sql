ALTER TABLE "business_supervision" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "business_supervision" ADD COLUMN "closed_reason" text;--> statement-breakpoint
-- Reminders left unacknowledged by a department the request was re-routed away from: closed as
-- a re-route now closes them, so that no department is counted for one it cannot see.
UPDATE "business_supervision" s SET "closed_at" = now(), "closed_reason" = 'rerouted'
FROM "business_requests" r
WHERE r."id" = s."request_id" AND s."kind" = 'reminder' AND s."acknowledged_at" IS NULL
  AND s."department_id" IS DISTINCT FROM r."department_id";

CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"area" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Every scan and every piece of evidence moves into the one table, keeping its id, its file
-- (same area, same key) and who uploaded it when.
INSERT INTO "attachments" ("id", "owner_kind", "owner_id", "area", "storage_key", "file_name", "media_type", "size", "sha256", "uploaded_by", "created_at")
SELECT "id", 'suggestion', "suggestion_id", 'ideas', "suggestion_id"::text || '/' || "id"::text, "file_name", "media_type", "size", "sha256", "uploaded_by", "created_at"
FROM "idea_attachments";--> statement-breakpoint
INSERT INTO "attachments" ("id", "owner_kind", "owner_id", "area", "storage_key", "file_name", "media_type", "size", "sha256", "uploaded_by", "created_at")
SELECT "id", 'report', "report_id", 'targets', "storage_key", "file_name", "media_type", "size", "sha256", "uploaded_by", "created_at"
FROM "target_evidence";--> statement-breakpoint
DROP TABLE "idea_attachments";--> statement-breakpoint
DROP TABLE "target_evidence";--> statement-breakpoint
ALTER TABLE "idea_notifications" RENAME TO "notifications";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "idea_notifications_user_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "idea_notifications_user_idx";--> statement-breakpoint
DROP INDEX "idea_notifications_code_idx";--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_kind","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_code_idx" ON "notifications" USING btree ("tracking_code");
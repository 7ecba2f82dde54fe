CREATE TABLE "business_supervision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"department_id" uuid,
	"issued_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp (3) with time zone,
	"acknowledged_by" uuid,
	"acknowledgement" text
);
--> statement-breakpoint
ALTER TABLE "business_supervision" ADD CONSTRAINT "business_supervision_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_supervision" ADD CONSTRAINT "business_supervision_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_supervision" ADD CONSTRAINT "business_supervision_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_supervision" ADD CONSTRAINT "business_supervision_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_supervision_request_idx" ON "business_supervision" USING btree ("request_id");
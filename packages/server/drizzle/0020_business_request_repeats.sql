CREATE TABLE "business_request_repeats" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"repeat_of" uuid NOT NULL,
	"similarity" real NOT NULL
);
--> statement-breakpoint
ALTER TABLE "business_request_repeats" ADD CONSTRAINT "business_request_repeats_request_id_business_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_request_repeats" ADD CONSTRAINT "business_request_repeats_repeat_of_business_requests_id_fk" FOREIGN KEY ("repeat_of") REFERENCES "public"."business_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_request_repeats_of_idx" ON "business_request_repeats" USING btree ("repeat_of");
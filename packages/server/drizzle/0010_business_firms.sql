CREATE TABLE "business_firm_invitations" (
	"invitation_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	CONSTRAINT "business_firm_invitations_invitation_id_pk" PRIMARY KEY("invitation_id")
);
--> statement-breakpoint
CREATE TABLE "business_firm_members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_firms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"industry_code" text NOT NULL,
	"town_id" uuid NOT NULL,
	"size" text NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_industries" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "business_firm_invitations" ADD CONSTRAINT "business_firm_invitations_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_firm_invitations" ADD CONSTRAINT "business_firm_invitations_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_firm_members" ADD CONSTRAINT "business_firm_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_firm_members" ADD CONSTRAINT "business_firm_members_firm_id_business_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."business_firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_firms" ADD CONSTRAINT "business_firms_industry_code_business_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."business_industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_firms" ADD CONSTRAINT "business_firms_town_id_units_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_firm_invitations_firm_idx" ON "business_firm_invitations" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "business_firm_members_firm_idx" ON "business_firm_members" USING btree ("firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_firms_credit_code_key" ON "business_firms" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "business_firms_town_idx" ON "business_firms" USING btree ("town_id");--> statement-breakpoint
CREATE INDEX "business_firms_industry_idx" ON "business_firms" USING btree ("industry_code");
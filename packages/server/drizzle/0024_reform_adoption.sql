CREATE TABLE "reform_project_suggestions" (
	"project_id" uuid NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_project_suggestions_project_id_suggestion_id_pk" PRIMARY KEY("project_id","suggestion_id")
);
--> statement-breakpoint
ALTER TABLE "reform_project_suggestions" ADD CONSTRAINT "reform_project_suggestions_project_id_reform_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reform_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_project_suggestions" ADD CONSTRAINT "reform_project_suggestions_suggestion_id_idea_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."idea_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_project_suggestions" ADD CONSTRAINT "reform_project_suggestions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reform_project_suggestions_suggestion_idx" ON "reform_project_suggestions" USING btree ("suggestion_id");
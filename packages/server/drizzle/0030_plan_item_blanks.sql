ALTER TABLE "target_plan_items" ALTER COLUMN "base" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "target_plan_items" ALTER COLUMN "target_q1" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "target_plan_items" ALTER COLUMN "target_q2" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "target_plan_items" ALTER COLUMN "target_q3" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "target_plan_items" ALTER COLUMN "target_q4" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "target_plan_items" ALTER COLUMN "weight" DROP NOT NULL;
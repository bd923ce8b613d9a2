-- 0008 retiring outcomes and measures, archiving needs assessments: each keeps when and why, and stays visible.
-- Written from `placeshaper db script --provider sqlite` on 2026-11-24 (new columns on existing tables are not
-- listed by --new); never edit once released.

ALTER TABLE "outcomes" ADD "retired_at" TEXT NULL;

ALTER TABLE "outcomes" ADD "retired_reason" TEXT NULL;

ALTER TABLE "outcome_measures" ADD "retired_at" TEXT NULL;

ALTER TABLE "outcome_measures" ADD "retired_reason" TEXT NULL;

ALTER TABLE "needs_assessments" ADD "archived_at" TEXT NULL;

ALTER TABLE "needs_assessments" ADD "archived_reason" TEXT NULL;

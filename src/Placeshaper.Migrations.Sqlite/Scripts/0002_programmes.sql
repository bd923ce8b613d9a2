-- 0002 programmes: commissioning programmes, partners, stage history, decisions log, pooled budgets.
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "programmes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_programmes" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "active_stages" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_programmes_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "pooled_budgets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_pooled_budgets" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "financial_year_start" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "overspend_rule" TEXT NOT NULL,
    "underspend_rule" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_pooled_budgets_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE RESTRICT
);

CREATE TABLE "programme_decisions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_programme_decisions" PRIMARY KEY,
    "programme_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "decided_on" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "decision_makers" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "papers_url" TEXT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_programme_decisions_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);

CREATE TABLE "programme_partners" (
    "programme_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "joined_at" TEXT NOT NULL,
    CONSTRAINT "pk_programme_partners" PRIMARY KEY ("programme_id", "organisation_id"),
    CONSTRAINT "fk_programme_partners_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_programme_partners_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);

CREATE TABLE "stage_changes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_stage_changes" PRIMARY KEY,
    "programme_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "from_stages" TEXT NOT NULL,
    "to_stages" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "by_person_id" TEXT NULL,
    "by_name" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_stage_changes_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);

CREATE TABLE "pooled_budget_contributions" (
    "pooled_budget_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "overspend_percent" TEXT NULL,
    "underspend_percent" TEXT NULL,
    CONSTRAINT "pk_pooled_budget_contributions" PRIMARY KEY ("pooled_budget_id", "organisation_id"),
    CONSTRAINT "fk_pooled_budget_contributions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pooled_budget_contributions_pooled_budgets_pooled_budget_id" FOREIGN KEY ("pooled_budget_id") REFERENCES "pooled_budgets" ("id") ON DELETE CASCADE
);

CREATE TABLE "pooled_budget_lines" (
    "id" TEXT NOT NULL CONSTRAINT "pk_pooled_budget_lines" PRIMARY KEY,
    "pooled_budget_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_on" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_pooled_budget_lines_pooled_budgets_pooled_budget_id" FOREIGN KEY ("pooled_budget_id") REFERENCES "pooled_budgets" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_pooled_budget_contributions_organisation_id" ON "pooled_budget_contributions" ("organisation_id");

CREATE INDEX "ix_pooled_budget_lines_pooled_budget_id_occurred_on" ON "pooled_budget_lines" ("pooled_budget_id", "occurred_on");

CREATE UNIQUE INDEX "ix_pooled_budgets_programme_id_financial_year_start" ON "pooled_budgets" ("programme_id", "financial_year_start");

CREATE INDEX "ix_programme_decisions_programme_id_decided_on" ON "programme_decisions" ("programme_id", "decided_on");

CREATE INDEX "ix_programme_partners_organisation_id" ON "programme_partners" ("organisation_id");

CREATE INDEX "ix_programmes_organisation_id_name" ON "programmes" ("organisation_id", "name");

CREATE INDEX "ix_stage_changes_programme_id_at" ON "stage_changes" ("programme_id", "at");


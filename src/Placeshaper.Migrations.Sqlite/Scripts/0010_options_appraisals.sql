-- 0010 options appraisals: delivery models catalogue, appraisals with criteria, options, scores, costs, risks and due-diligence checks (issue 4).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "delivery_models" (
    "id" TEXT NOT NULL CONSTRAINT "pk_delivery_models" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    CONSTRAINT "fk_delivery_models_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "appraisals" (
    "id" TEXT NOT NULL CONSTRAINT "pk_appraisals" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "necessity" TEXT NOT NULL,
    "discount_rate" TEXT NOT NULL,
    "optimism_bias" TEXT NOT NULL,
    "horizon_years" INTEGER NOT NULL,
    "exit_strategy" TEXT NOT NULL,
    "chosen_option_id" TEXT NULL,
    "decided_on" TEXT NULL,
    "decision_makers" TEXT NOT NULL,
    "decision_summary" TEXT NOT NULL,
    "papers_url" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_appraisals_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_appraisals_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);

CREATE TABLE "appraisal_criteria" (
    "id" TEXT NOT NULL CONSTRAINT "pk_appraisal_criteria" PRIMARY KEY,
    "appraisal_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "weight" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    CONSTRAINT "fk_appraisal_criteria_appraisals_appraisal_id" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals" ("id") ON DELETE CASCADE
);

CREATE TABLE "appraisal_options" (
    "id" TEXT NOT NULL CONSTRAINT "pk_appraisal_options" PRIMARY KEY,
    "appraisal_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "model_code" TEXT NOT NULL,
    "model_name" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    CONSTRAINT "fk_appraisal_options_appraisals_appraisal_id" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals" ("id") ON DELETE CASCADE
);

CREATE TABLE "due_diligence_checks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_due_diligence_checks" PRIMARY KEY,
    "appraisal_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    CONSTRAINT "fk_due_diligence_checks_appraisals_appraisal_id" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals" ("id") ON DELETE CASCADE
);

CREATE TABLE "appraisal_costs" (
    "option_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    CONSTRAINT "pk_appraisal_costs" PRIMARY KEY ("option_id", "year"),
    CONSTRAINT "fk_appraisal_costs_appraisal_options_option_id" FOREIGN KEY ("option_id") REFERENCES "appraisal_options" ("id") ON DELETE CASCADE
);

CREATE TABLE "appraisal_risks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_appraisal_risks" PRIMARY KEY,
    "option_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "impact" INTEGER NOT NULL,
    "mitigation" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    CONSTRAINT "fk_appraisal_risks_appraisal_options_option_id" FOREIGN KEY ("option_id") REFERENCES "appraisal_options" ("id") ON DELETE CASCADE
);

CREATE TABLE "appraisal_scores" (
    "option_id" TEXT NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "score" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    CONSTRAINT "pk_appraisal_scores" PRIMARY KEY ("option_id", "criterion_id"),
    CONSTRAINT "fk_appraisal_scores_appraisal_criteria_criterion_id" FOREIGN KEY ("criterion_id") REFERENCES "appraisal_criteria" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_appraisal_scores_appraisal_options_option_id" FOREIGN KEY ("option_id") REFERENCES "appraisal_options" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_appraisal_criteria_appraisal_id" ON "appraisal_criteria" ("appraisal_id");

CREATE INDEX "ix_appraisal_options_appraisal_id" ON "appraisal_options" ("appraisal_id");

CREATE INDEX "ix_appraisal_risks_option_id" ON "appraisal_risks" ("option_id");

CREATE INDEX "ix_appraisal_scores_criterion_id" ON "appraisal_scores" ("criterion_id");

CREATE INDEX "ix_appraisals_organisation_id" ON "appraisals" ("organisation_id");

CREATE INDEX "ix_appraisals_programme_id_created_at" ON "appraisals" ("programme_id", "created_at");

CREATE UNIQUE INDEX "ix_delivery_models_organisation_id_code" ON "delivery_models" ("organisation_id", "code");

CREATE INDEX "ix_due_diligence_checks_appraisal_id" ON "due_diligence_checks" ("appraisal_id");


-- 0018 outcome-based specifications: outcomes, KPIs, term and extensions, lots and payment mechanism, agreed by an audited decision; tenders link to one (issue 5, item 3).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-23, the tenders column and its foreign key written as ALTER statements; never edit once released.

CREATE TABLE "specifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_specifications" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "contract_months" INTEGER NULL,
    "no_lots_reason" TEXT NOT NULL,
    "payment_mechanism" TEXT NULL,
    "outcome_share_percent" TEXT NULL,
    "service_credits" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "agreed_at" TEXT NULL,
    "agreed_by" TEXT NULL,
    CONSTRAINT "fk_specifications_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_specifications_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE RESTRICT
);

CREATE TABLE "specification_outcomes" (
    "specification_id" TEXT NOT NULL,
    "outcome_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    CONSTRAINT "pk_specification_outcomes" PRIMARY KEY ("specification_id", "outcome_id"),
    CONSTRAINT "fk_specification_outcomes_outcomes_outcome_id" FOREIGN KEY ("outcome_id") REFERENCES "outcomes" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_specification_outcomes_specifications_specification_id" FOREIGN KEY ("specification_id") REFERENCES "specifications" ("id") ON DELETE CASCADE
);

CREATE TABLE "specification_kpis" (
    "id" TEXT NOT NULL CONSTRAINT "pk_specification_kpis" PRIMARY KEY,
    "specification_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "polarity" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "minimum" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "data_source" TEXT NOT NULL,
    "measure_id" TEXT NULL,
    CONSTRAINT "fk_specification_kpis_outcome_measures_measure_id" FOREIGN KEY ("measure_id") REFERENCES "outcome_measures" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_specification_kpis_specifications_specification_id" FOREIGN KEY ("specification_id") REFERENCES "specifications" ("id") ON DELETE CASCADE
);

CREATE TABLE "specification_extensions" (
    "specification_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    CONSTRAINT "pk_specification_extensions" PRIMARY KEY ("specification_id", "number"),
    CONSTRAINT "fk_specification_extensions_specifications_specification_id" FOREIGN KEY ("specification_id") REFERENCES "specifications" ("id") ON DELETE CASCADE
);

CREATE TABLE "specification_lots" (
    "id" TEXT NOT NULL CONSTRAINT "pk_specification_lots" PRIMARY KEY,
    "specification_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "share_percent" TEXT NOT NULL,
    CONSTRAINT "fk_specification_lots_specifications_specification_id" FOREIGN KEY ("specification_id") REFERENCES "specifications" ("id") ON DELETE CASCADE
);

ALTER TABLE "tenders" ADD "specification_id" TEXT NULL CONSTRAINT "fk_tenders_specifications_specification_id" REFERENCES "specifications" ("id") ON DELETE RESTRICT;

CREATE INDEX "ix_specification_kpis_measure_id" ON "specification_kpis" ("measure_id");

CREATE UNIQUE INDEX "ix_specification_kpis_specification_id_number" ON "specification_kpis" ("specification_id", "number");

CREATE UNIQUE INDEX "ix_specification_lots_specification_id_number" ON "specification_lots" ("specification_id", "number");

CREATE INDEX "ix_specification_outcomes_outcome_id" ON "specification_outcomes" ("outcome_id");

CREATE INDEX "ix_specifications_organisation_id" ON "specifications" ("organisation_id");

CREATE INDEX "ix_specifications_programme_id" ON "specifications" ("programme_id");

CREATE INDEX "ix_tenders_specification_id" ON "tenders" ("specification_id");

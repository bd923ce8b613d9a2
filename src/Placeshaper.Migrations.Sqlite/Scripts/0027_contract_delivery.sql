-- 0027 contract delivery: KPI values reported and approved, versioned payment terms, payment calculations and what was paid (issue 6).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "contract_payments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contract_payments" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "paid_on" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "recorded_by" TEXT NULL,
    CONSTRAINT "fk_contract_payments_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE TABLE "payment_terms_versions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_payment_terms_versions" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effective_from" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "document" TEXT NOT NULL,
    CONSTRAINT "fk_payment_terms_versions_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE TABLE "kpi_observations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_kpi_observations" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "kpi_id" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "submitted_by" TEXT NULL,
    "submitted_by_provider_id" TEXT NULL,
    "reviewed_at" TEXT NULL,
    "reviewed_by" TEXT NULL,
    "return_reason" TEXT NOT NULL,
    CONSTRAINT "fk_kpi_observations_contract_kpis_kpi_id" FOREIGN KEY ("kpi_id") REFERENCES "contract_kpis" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_kpi_observations_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE TABLE "payment_calculations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_payment_calculations" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "terms_version_id" TEXT NOT NULL,
    "terms_version" INTEGER NOT NULL,
    "fixed_element" INTEGER NOT NULL,
    "outcome_payments" INTEGER NOT NULL,
    "credits" INTEGER NOT NULL,
    "due" INTEGER NOT NULL,
    "investment_recovered" INTEGER NOT NULL,
    "inputs" TEXT NOT NULL,
    "working" TEXT NOT NULL,
    "calculated_at" TEXT NOT NULL,
    "calculated_by" TEXT NULL,
    CONSTRAINT "fk_payment_calculations_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_payment_calculations_payment_terms_versions_terms_version_id" FOREIGN KEY ("terms_version_id") REFERENCES "payment_terms_versions" ("id") ON DELETE RESTRICT
);

CREATE TABLE "kpi_observation_evidence" (
    "id" TEXT NOT NULL CONSTRAINT "pk_kpi_observation_evidence" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "observation_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "added_at" TEXT NOT NULL,
    CONSTRAINT "fk_kpi_observation_evidence_kpi_observations_observation_id" FOREIGN KEY ("observation_id") REFERENCES "kpi_observations" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_contract_payments_contract_id_period_start" ON "contract_payments" ("contract_id", "period_start");

CREATE INDEX "ix_kpi_observation_evidence_observation_id" ON "kpi_observation_evidence" ("observation_id");

CREATE INDEX "ix_kpi_observations_contract_id_kpi_id_period_start" ON "kpi_observations" ("contract_id", "kpi_id", "period_start");

CREATE INDEX "ix_kpi_observations_kpi_id" ON "kpi_observations" ("kpi_id");

CREATE UNIQUE INDEX "ix_payment_calculations_contract_id_period_start_revision" ON "payment_calculations" ("contract_id", "period_start", "revision");

CREATE INDEX "ix_payment_calculations_terms_version_id" ON "payment_calculations" ("terms_version_id");

CREATE UNIQUE INDEX "ix_payment_terms_versions_contract_id_version" ON "payment_terms_versions" ("contract_id", "version");


-- 0032 social value delivery and contract performance notices: contracts' social value obligations (from the winning
-- bid's commitments or added by the contract manager), providers' delivery reports against them with their evidence
-- files (issue 6), and the KPI assessments published as contract performance notices (Procurement Act 2023 s.71).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "contract_performance_notices" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contract_performance_notices" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "ratings_json" TEXT NOT NULL,
    "published_at" TEXT NOT NULL,
    "published_by" TEXT NULL,
    CONSTRAINT "fk_contract_performance_notices_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE TABLE "social_value_obligations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_value_obligations" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "measure_code" TEXT NULL,
    "theme" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "committed_quantity" TEXT NOT NULL,
    "proxy_value" INTEGER NULL,
    "due_by" TEXT NULL,
    "source" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_social_value_obligations_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE TABLE "social_value_reports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_value_reports" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "obligation_id" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "quantity" TEXT NOT NULL,
    "narrative" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "submitted_by" TEXT NULL,
    "submitted_by_provider_id" TEXT NULL,
    "reviewed_at" TEXT NULL,
    "reviewed_by" TEXT NULL,
    "return_reason" TEXT NOT NULL,
    CONSTRAINT "fk_social_value_reports_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_social_value_reports_social_value_obligations_obligation_id" FOREIGN KEY ("obligation_id") REFERENCES "social_value_obligations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "social_value_report_evidence" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_value_report_evidence" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "added_at" TEXT NOT NULL,
    CONSTRAINT "fk_social_value_report_evidence_social_value_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "social_value_reports" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_contract_performance_notices_contract_id_period_end" ON "contract_performance_notices" ("contract_id", "period_end");

CREATE INDEX "ix_social_value_obligations_contract_id" ON "social_value_obligations" ("contract_id");

CREATE INDEX "ix_social_value_report_evidence_report_id" ON "social_value_report_evidence" ("report_id");

CREATE INDEX "ix_social_value_reports_contract_id_obligation_id_period_start" ON "social_value_reports" ("contract_id", "obligation_id", "period_start");

CREATE INDEX "ix_social_value_reports_obligation_id" ON "social_value_reports" ("obligation_id");


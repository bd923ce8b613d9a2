-- 0022 contracts: the contracts register, with parties, extension options, break clauses, outcomes and KPIs (issue 6).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "contracts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contracts" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "source_reference" TEXT NULL,
    "import_key" TEXT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "provider_id" TEXT NULL,
    "supplier_name" TEXT NOT NULL,
    "supplier_postcode" TEXT NULL,
    "supplier_company_number" TEXT NULL,
    "recorded_sme" INTEGER NULL,
    "total_value" INTEGER NULL,
    "annual_value" INTEGER NULL,
    "start_date" TEXT NULL,
    "end_date" TEXT NULL,
    "procedure" TEXT NOT NULL,
    "advertised" INTEGER NULL,
    "directorate" TEXT NOT NULL,
    "purchasing_body" TEXT NOT NULL,
    "classification_code" TEXT NOT NULL,
    "classification_description" TEXT NOT NULL,
    "programme_id" TEXT NULL,
    "specification_id" TEXT NULL,
    "tender_id" TEXT NULL,
    "award_decision_id" TEXT NULL,
    "payment_mechanism" TEXT NULL,
    "status" TEXT NOT NULL,
    "extension_decision_months" INTEGER NOT NULL,
    "review_date" TEXT NULL,
    "kpi_exemption_reason" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NULL,
    CONSTRAINT "fk_contracts_award_decisions_award_decision_id" FOREIGN KEY ("award_decision_id") REFERENCES "award_decisions" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contracts_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contracts_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contracts_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contracts_specifications_specification_id" FOREIGN KEY ("specification_id") REFERENCES "specifications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contracts_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contract_break_clauses" (
    "contract_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "notice_months" INTEGER NOT NULL,
    CONSTRAINT "pk_contract_break_clauses" PRIMARY KEY ("contract_id", "number"),
    CONSTRAINT "fk_contract_break_clauses_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE TABLE "contract_extensions" (
    "contract_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "taken" INTEGER NOT NULL,
    CONSTRAINT "pk_contract_extensions" PRIMARY KEY ("contract_id", "number"),
    CONSTRAINT "fk_contract_extensions_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE TABLE "contract_kpis" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contract_kpis" PRIMARY KEY,
    "contract_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "polarity" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "minimum" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "data_source" TEXT NOT NULL,
    CONSTRAINT "fk_contract_kpis_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE TABLE "contract_outcomes" (
    "contract_id" TEXT NOT NULL,
    "outcome_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    CONSTRAINT "pk_contract_outcomes" PRIMARY KEY ("contract_id", "outcome_id"),
    CONSTRAINT "fk_contract_outcomes_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contract_outcomes_outcomes_outcome_id" FOREIGN KEY ("outcome_id") REFERENCES "outcomes" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contract_parties" (
    "contract_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "pk_contract_parties" PRIMARY KEY ("contract_id", "number"),
    CONSTRAINT "fk_contract_parties_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_contract_kpis_contract_id_number" ON "contract_kpis" ("contract_id", "number");

CREATE INDEX "ix_contract_outcomes_outcome_id" ON "contract_outcomes" ("outcome_id");

CREATE UNIQUE INDEX "ix_contracts_award_decision_id" ON "contracts" ("award_decision_id");

CREATE UNIQUE INDEX "ix_contracts_organisation_id_import_key" ON "contracts" ("organisation_id", "import_key");

CREATE UNIQUE INDEX "ix_contracts_organisation_id_reference" ON "contracts" ("organisation_id", "reference");

CREATE INDEX "ix_contracts_programme_id" ON "contracts" ("programme_id");

CREATE INDEX "ix_contracts_provider_id" ON "contracts" ("provider_id");

CREATE INDEX "ix_contracts_specification_id" ON "contracts" ("specification_id");

CREATE INDEX "ix_contracts_tender_id" ON "contracts" ("tender_id");

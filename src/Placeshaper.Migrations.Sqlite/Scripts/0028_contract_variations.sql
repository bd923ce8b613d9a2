-- 0028 contract variations, breaches, terminations and exit plans: change requests with their decisions and legal
-- basis, the contract's nature, original value, varied term and termination date, breach and termination records,
-- and one exit and continuity plan per contract. Existing contracts keep their value as their original value.
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

ALTER TABLE "contracts" ADD "nature" TEXT NOT NULL DEFAULT 'Services';

ALTER TABLE "contracts" ADD "original_value" INTEGER NULL;

ALTER TABLE "contracts" ADD "varied_months" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "contracts" ADD "terminated_on" TEXT NULL;

UPDATE "contracts" SET "original_value" = "total_value";

CREATE TABLE "contract_variations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contract_variations" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "value_change" INTEGER NOT NULL,
    "term_months" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_by_name" TEXT NOT NULL,
    "requested_at" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_by_name" TEXT NOT NULL,
    "decided_at" TEXT NULL,
    "rejection_reason" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "value_after" INTEGER NULL,
    "cumulative_change" INTEGER NULL,
    CONSTRAINT "fk_contract_variations_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contract_variations_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contract_breaches" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contract_breaches" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "occurred_on" TEXT NOT NULL,
    "clause" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "remedy_notice_on" TEXT NULL,
    "remedy_due" TEXT NULL,
    "resolved_on" TEXT NULL,
    "recorded_by_name" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "updated_at" TEXT NULL,
    CONSTRAINT "fk_contract_breaches_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contract_breaches_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contract_terminations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contract_terminations" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "ground" TEXT NOT NULL,
    "notice_given_on" TEXT NULL,
    "reason" TEXT NOT NULL,
    "recorded_by_name" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_contract_terminations_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contract_terminations_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contract_exit_plans" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contract_exit_plans" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "continuity" TEXT NOT NULL,
    "data_and_assets" TEXT NOT NULL,
    "tupe" TEXT NOT NULL,
    "alternative_providers" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "last_reviewed_on" TEXT NOT NULL,
    "next_review_due" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_contract_exit_plans_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contract_exit_plans_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_contract_breaches_contract_id" ON "contract_breaches" ("contract_id");

CREATE INDEX "ix_contract_breaches_organisation_id" ON "contract_breaches" ("organisation_id");

CREATE UNIQUE INDEX "ix_contract_exit_plans_contract_id" ON "contract_exit_plans" ("contract_id");

CREATE INDEX "ix_contract_exit_plans_organisation_id" ON "contract_exit_plans" ("organisation_id");

CREATE UNIQUE INDEX "ix_contract_terminations_contract_id" ON "contract_terminations" ("contract_id");

CREATE INDEX "ix_contract_terminations_organisation_id" ON "contract_terminations" ("organisation_id");

CREATE UNIQUE INDEX "ix_contract_variations_contract_id_number" ON "contract_variations" ("contract_id", "number");

CREATE INDEX "ix_contract_variations_organisation_id" ON "contract_variations" ("organisation_id");

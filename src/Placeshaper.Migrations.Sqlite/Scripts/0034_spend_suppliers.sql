-- 0034 spend suppliers: suppliers named in spend resolved to the provider register and classified, officers' decisions, the local definition (issue 7, items 4-5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "spend_local_definitions" (
    "organisation_id" TEXT NOT NULL CONSTRAINT "pk_spend_local_definitions" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "districts" TEXT NOT NULL,
    "centre_postcode" TEXT NULL,
    "radius_km" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_spend_local_definitions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "spend_supplier_decisions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_spend_supplier_decisions" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "supplier_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "provider_id" TEXT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "fk_spend_supplier_decisions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "spend_suppliers" (
    "organisation_id" TEXT NOT NULL,
    "supplier_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "company_number" TEXT NULL,
    "vat_number" TEXT NULL,
    "postcode" TEXT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "provider_id" TEXT NULL,
    "candidate_id" TEXT NULL,
    "score" REAL NULL,
    "is_local" INTEGER NULL,
    "local_reason" TEXT NOT NULL,
    "is_sme" INTEGER NULL,
    "is_vcse" INTEGER NOT NULL,
    "is_public_sector" INTEGER NOT NULL,
    "is_individual" INTEGER NOT NULL,
    "resolved_at" TEXT NOT NULL,
    CONSTRAINT "pk_spend_suppliers" PRIMARY KEY ("organisation_id", "supplier_key"),
    CONSTRAINT "fk_spend_suppliers_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_spend_supplier_decisions_organisation_id_supplier_key" ON "spend_supplier_decisions" ("organisation_id", "supplier_key");

CREATE INDEX "ix_spend_suppliers_organisation_id_status" ON "spend_suppliers" ("organisation_id", "status");

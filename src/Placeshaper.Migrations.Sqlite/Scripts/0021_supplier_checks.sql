-- 0021 supplier checks: each bidder's financial standing as checked against the annual value of what it bid for, with the route it passed by (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "supplier_checks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_supplier_checks" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "tender_id" TEXT NOT NULL,
    "bid_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "annual_value" INTEGER NOT NULL,
    "annual_value_basis" TEXT NOT NULL,
    "turnover_multiple" TEXT NOT NULL,
    "turnover" INTEGER NULL,
    "members_json" TEXT NOT NULL,
    "guarantor_name" TEXT NOT NULL,
    "guarantor_turnover" INTEGER NULL,
    "override_reason" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "required" INTEGER NOT NULL,
    "explanation" TEXT NOT NULL,
    "checked_by" TEXT NOT NULL,
    "checked_at" TEXT NOT NULL,
    CONSTRAINT "fk_supplier_checks_bids_bid_id" FOREIGN KEY ("bid_id") REFERENCES "bids" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_supplier_checks_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_supplier_checks_people_checked_by" FOREIGN KEY ("checked_by") REFERENCES "people" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_supplier_checks_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_supplier_checks_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_supplier_checks_bid_id" ON "supplier_checks" ("bid_id");

CREATE INDEX "ix_supplier_checks_checked_by" ON "supplier_checks" ("checked_by");

CREATE INDEX "ix_supplier_checks_organisation_id" ON "supplier_checks" ("organisation_id");

CREATE INDEX "ix_supplier_checks_provider_id" ON "supplier_checks" ("provider_id");

CREATE INDEX "ix_supplier_checks_tender_id" ON "supplier_checks" ("tender_id");

-- 0014 sealed bids: providers' bids, sealed by envelope encryption until the deadline, and when a tender's bids were opened (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

ALTER TABLE "tenders" ADD "bids_opened_at" TEXT NULL;

ALTER TABLE "tenders" ADD "bids_opened_by" TEXT NULL;

CREATE TABLE "bids" (
    "id" TEXT NOT NULL CONSTRAINT "pk_bids" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "tender_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    "key_id" TEXT NOT NULL,
    "envelope" BLOB NOT NULL,
    "receipt" TEXT NOT NULL,
    CONSTRAINT "fk_bids_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_bids_people_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "people" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_bids_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_bids_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_bids_one_live_bid" ON "bids" ("tender_id", "provider_id") WHERE status = 'Submitted';

CREATE INDEX "ix_bids_organisation_id" ON "bids" ("organisation_id");

CREATE INDEX "ix_bids_provider_id" ON "bids" ("provider_id");

CREATE INDEX "ix_bids_submitted_by" ON "bids" ("submitted_by");

CREATE INDEX "ix_bids_tender_id_provider_id" ON "bids" ("tender_id", "provider_id");


-- 0006 intelligence: what residents, councillors and providers report about needs and services, with moderation.
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "intelligence_items" (
    "id" TEXT NOT NULL CONSTRAINT "pk_intelligence_items" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "area_id" TEXT NULL,
    "indicator_id" TEXT NULL,
    "submitter_role" TEXT NOT NULL,
    "submitted_by_person_id" TEXT NULL,
    "contact_email" TEXT NULL,
    "status" TEXT NOT NULL,
    "moderation_note" TEXT NULL,
    "submitted_at" TEXT NOT NULL,
    "moderated_at" TEXT NULL,
    CONSTRAINT "fk_intelligence_items_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_intelligence_items_indicators_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicators" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_intelligence_items_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_intelligence_items_area_id" ON "intelligence_items" ("area_id");

CREATE INDEX "ix_intelligence_items_indicator_id" ON "intelligence_items" ("indicator_id");

CREATE INDEX "ix_intelligence_items_organisation_id_status_submitted_at" ON "intelligence_items" ("organisation_id", "status", "submitted_at");


-- 0007 needs assessments: a document per topic gathering indicators, narrative, evidence links and a review date.
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "needs_assessments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_needs_assessments" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "narrative" TEXT NOT NULL,
    "indicator_codes" TEXT NOT NULL,
    "evidence_links" TEXT NOT NULL,
    "review_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_needs_assessments_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_needs_assessments_organisation_id_topic" ON "needs_assessments" ("organisation_id", "topic");


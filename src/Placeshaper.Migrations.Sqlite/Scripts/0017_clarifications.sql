-- 0017 clarifications: bidders' clarification questions and the buyer's answers, published to every bidder with the asker kept anonymous (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-23; never edit once released.

CREATE TABLE "clarifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_clarifications" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "tender_id" TEXT NOT NULL,
    "provider_id" TEXT NULL,
    "asked_by" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "asked_at" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "published_question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "answered_at" TEXT NULL,
    "answered_by" TEXT NULL,
    "decline_reason" TEXT NOT NULL,
    CONSTRAINT "fk_clarifications_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_clarifications_people_answered_by" FOREIGN KEY ("answered_by") REFERENCES "people" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_clarifications_people_asked_by" FOREIGN KEY ("asked_by") REFERENCES "people" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_clarifications_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_clarifications_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_clarifications_answered_by" ON "clarifications" ("answered_by");

CREATE INDEX "ix_clarifications_asked_by" ON "clarifications" ("asked_by");

CREATE INDEX "ix_clarifications_organisation_id" ON "clarifications" ("organisation_id");

CREATE INDEX "ix_clarifications_provider_id" ON "clarifications" ("provider_id");

CREATE INDEX "ix_clarifications_tender_id_status" ON "clarifications" ("tender_id", "status");


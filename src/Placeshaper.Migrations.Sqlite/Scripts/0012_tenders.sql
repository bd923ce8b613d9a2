-- 0012 tenders: drafts with their route to market, award criteria (questions with 0-5 descriptors), lots and timetable (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "tenders" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tenders" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "programme_id" TEXT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "estimated_value" INTEGER NOT NULL,
    "route" TEXT NOT NULL,
    "route_reason" TEXT NOT NULL,
    "price_weight" TEXT NOT NULL,
    "quality_weight" TEXT NOT NULL,
    "social_value_weight" TEXT NOT NULL,
    "social_value_waiver_reason" TEXT NOT NULL,
    "suitable_for_sme" INTEGER NOT NULL,
    "suitable_for_vcse" INTEGER NOT NULL,
    "no_lots_reason" TEXT NOT NULL,
    "clarification_deadline" TEXT NULL,
    "submission_deadline" TEXT NULL,
    "status" TEXT NOT NULL,
    "published_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_tenders_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_tenders_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE RESTRICT
);

CREATE TABLE "tender_lots" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tender_lots" PRIMARY KEY,
    "tender_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "estimated_value" INTEGER NOT NULL,
    CONSTRAINT "fk_tender_lots_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE CASCADE
);

CREATE TABLE "tender_questions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tender_questions" PRIMARY KEY,
    "tender_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "weight" TEXT NOT NULL,
    "descriptors" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    CONSTRAINT "fk_tender_questions_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_tender_lots_tender_id_number" ON "tender_lots" ("tender_id", "number");

CREATE INDEX "ix_tender_questions_tender_id" ON "tender_questions" ("tender_id");

CREATE UNIQUE INDEX "ix_tenders_organisation_id_reference" ON "tenders" ("organisation_id", "reference");

CREATE INDEX "ix_tenders_programme_id" ON "tenders" ("programme_id");

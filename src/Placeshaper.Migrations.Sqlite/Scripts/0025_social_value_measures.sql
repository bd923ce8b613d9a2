-- 0025 social value measures: an organisation's own measures with proxy values, and the measures a tender offers bidders (issue 5, item 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-23; never edit once released.

CREATE TABLE "social_value_measures" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_value_measures" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "outcome" TEXT NULL,
    "description" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "proxy_value" INTEGER NULL,
    "source" TEXT NULL,
    "licence" TEXT NULL,
    "retired" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_social_value_measures_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "tender_social_value_measures" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tender_social_value_measures" PRIMARY KEY,
    "tender_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "outcome" TEXT NULL,
    "description" TEXT NOT NULL,
    "unit" TEXT NULL,
    "proxy_value" INTEGER NULL,
    "source" TEXT NULL,
    "is_reference" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    CONSTRAINT "fk_tender_social_value_measures_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_social_value_measures_organisation_id_code" ON "social_value_measures" ("organisation_id", "code");

CREATE UNIQUE INDEX "ix_tender_social_value_measures_tender_id_code" ON "tender_social_value_measures" ("tender_id", "code");

-- 0004 needs: indicators of local need and their figures by area and period.
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "indicators" (
    "id" TEXT NOT NULL CONSTRAINT "pk_indicators" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "polarity" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "source_url" TEXT NULL,
    "licence" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_indicators_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "indicator_values" (
    "id" TEXT NOT NULL CONSTRAINT "pk_indicator_values" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "area_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "fk_indicator_values_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_indicator_values_indicators_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicators" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_indicator_values_area_id" ON "indicator_values" ("area_id");

CREATE UNIQUE INDEX "ix_indicator_values_indicator_id_area_id_period" ON "indicator_values" ("indicator_id", "area_id", "period");

CREATE UNIQUE INDEX "ix_indicators_organisation_id_code" ON "indicators" ("organisation_id", "code");


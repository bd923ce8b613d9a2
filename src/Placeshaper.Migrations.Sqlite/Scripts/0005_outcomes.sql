-- 0005 outcomes: the outcomes framework of themes, outcomes and measures with baselines and targets.
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "outcome_themes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outcome_themes" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_outcome_themes_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "outcomes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outcomes" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "theme_id" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "programme_id" TEXT NULL,
    CONSTRAINT "fk_outcomes_outcome_themes_theme_id" FOREIGN KEY ("theme_id") REFERENCES "outcome_themes" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_outcomes_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE SET NULL
);

CREATE TABLE "outcome_measures" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outcome_measures" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "outcome_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "indicator_id" TEXT NULL,
    "area_id" TEXT NULL,
    "unit" TEXT NOT NULL,
    "polarity" TEXT NOT NULL,
    "baseline" TEXT NOT NULL,
    "baseline_date" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "target_date" TEXT NOT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "latest_value" TEXT NULL,
    "latest_date" TEXT NULL,
    CONSTRAINT "fk_outcome_measures_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_outcome_measures_indicators_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicators" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_outcome_measures_organisations_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_outcome_measures_outcomes_outcome_id" FOREIGN KEY ("outcome_id") REFERENCES "outcomes" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_outcome_measures_area_id" ON "outcome_measures" ("area_id");

CREATE INDEX "ix_outcome_measures_indicator_id" ON "outcome_measures" ("indicator_id");

CREATE INDEX "ix_outcome_measures_outcome_id" ON "outcome_measures" ("outcome_id");

CREATE INDEX "ix_outcome_measures_owner_organisation_id" ON "outcome_measures" ("owner_organisation_id");

CREATE UNIQUE INDEX "ix_outcome_themes_organisation_id_name" ON "outcome_themes" ("organisation_id", "name");

CREATE INDEX "ix_outcomes_programme_id" ON "outcomes" ("programme_id");

CREATE INDEX "ix_outcomes_theme_id" ON "outcomes" ("theme_id");


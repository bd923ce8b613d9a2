-- 0035 benchmarking across councils (sharing settings and figures), the wards contracts are delivered in, and programme reviews (issue 8).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

ALTER TABLE "programmes" ADD "closed_at" TEXT NULL;

CREATE TABLE "benchmark_figures" (
    "id" TEXT NOT NULL CONSTRAINT "pk_benchmark_figures" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "contributor" TEXT NULL,
    "contributor_named" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_named" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_benchmark_figures_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "benchmark_sharing" (
    "id" TEXT NOT NULL CONSTRAINT "pk_benchmark_sharing" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    CONSTRAINT "fk_benchmark_sharing_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "programme_reviews" (
    "id" TEXT NOT NULL CONSTRAINT "pk_programme_reviews" PRIMARY KEY,
    "programme_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "lessons" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "to_stages" TEXT NOT NULL,
    "by_person_id" TEXT NULL,
    "by_name" TEXT NOT NULL,
    "reviewed_at" TEXT NOT NULL,
    CONSTRAINT "fk_programme_reviews_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_programme_reviews_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);

CREATE TABLE "contract_areas" (
    "contract_id" TEXT NOT NULL,
    "area_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "linked_at" TEXT NOT NULL,
    CONSTRAINT "pk_contract_areas" PRIMARY KEY ("contract_id", "area_id"),
    CONSTRAINT "fk_contract_areas_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contract_areas_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contract_areas_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_benchmark_figures_category_organisation_id" ON "benchmark_figures" ("category", "organisation_id");

CREATE INDEX "ix_benchmark_figures_organisation_id" ON "benchmark_figures" ("organisation_id");

CREATE INDEX "ix_benchmark_sharing_category" ON "benchmark_sharing" ("category");

CREATE UNIQUE INDEX "ix_benchmark_sharing_organisation_id_category" ON "benchmark_sharing" ("organisation_id", "category");

CREATE INDEX "ix_contract_areas_area_id" ON "contract_areas" ("area_id");

CREATE INDEX "ix_contract_areas_organisation_id_area_id" ON "contract_areas" ("organisation_id", "area_id");

CREATE INDEX "ix_programme_reviews_organisation_id" ON "programme_reviews" ("organisation_id");

CREATE INDEX "ix_programme_reviews_programme_id" ON "programme_reviews" ("programme_id");

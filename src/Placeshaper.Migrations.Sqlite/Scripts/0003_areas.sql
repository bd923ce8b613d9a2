-- 0003 areas: an organisation's geography by ONS code, and the shared ONS Postcode Directory lookup.
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "reference_postcodes" (
    "postcode" TEXT NOT NULL CONSTRAINT "pk_reference_postcodes" PRIMARY KEY,
    "local_authority_code" TEXT NULL,
    "ward_code" TEXT NULL,
    "lsoa21_code" TEXT NULL,
    "msoa21_code" TEXT NULL,
    "latitude" TEXT NULL,
    "longitude" TEXT NULL,
    "imd_rank" INTEGER NULL,
    "terminated_in" TEXT NULL
);

CREATE TABLE "areas" (
    "id" TEXT NOT NULL CONSTRAINT "pk_areas" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parent_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_areas_areas_parent_id" FOREIGN KEY ("parent_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_areas_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_areas_organisation_id_code" ON "areas" ("organisation_id", "code");

CREATE INDEX "ix_areas_parent_id" ON "areas" ("parent_id");

CREATE INDEX "ix_reference_postcodes_ward_code" ON "reference_postcodes" ("ward_code");


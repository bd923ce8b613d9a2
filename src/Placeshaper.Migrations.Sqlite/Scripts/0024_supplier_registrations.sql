-- 0024 supplier registrations: suppliers asking to use an organisation's portal, and the officer's decision on who they act for (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "supplier_registrations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_supplier_registrations" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "contact_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "supplier_name" TEXT NOT NULL,
    "details_json" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "provider_id" TEXT NULL,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" TEXT NULL,
    CONSTRAINT "fk_supplier_registrations_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_supplier_registrations_people_person_id" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_supplier_registrations_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_supplier_registrations_organisation_id_status" ON "supplier_registrations" ("organisation_id", "status");

CREATE INDEX "ix_supplier_registrations_person_id" ON "supplier_registrations" ("person_id");

CREATE INDEX "ix_supplier_registrations_provider_id" ON "supplier_registrations" ("provider_id");

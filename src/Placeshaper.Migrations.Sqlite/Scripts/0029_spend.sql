-- 0029 spend: imported spend files, their payments, monthly supplier totals and mapping profiles (issue 7, items 1-3).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "spend_imports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_spend_imports" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "read" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "skip_report" TEXT NOT NULL,
    "imported_at" TEXT NOT NULL,
    CONSTRAINT "fk_spend_imports_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "spend_profiles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_spend_profiles" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_spend_profiles_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "spend_supplier_months" (
    "organisation_id" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "supplier_key" TEXT NOT NULL,
    "company_number" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_supplier_months" PRIMARY KEY ("organisation_id", "month", "supplier_key", "company_number"),
    CONSTRAINT "fk_spend_supplier_months_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "spend_transactions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_spend_transactions" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" TEXT NOT NULL,
    "import_id" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "supplier_name" TEXT NULL,
    "supplier_key" TEXT NOT NULL,
    "redacted" INTEGER NOT NULL,
    "transaction_number" TEXT NULL,
    "service_area" TEXT NULL,
    "expense_type" TEXT NULL,
    "description" TEXT NULL,
    "company_number" TEXT NULL,
    "vat_number" TEXT NULL,
    "postcode" TEXT NULL,
    "identity_key" INTEGER NOT NULL,
    CONSTRAINT "fk_spend_transactions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_spend_transactions_spend_imports_import_id" FOREIGN KEY ("import_id") REFERENCES "spend_imports" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_spend_imports_organisation_id_imported_at" ON "spend_imports" ("organisation_id", "imported_at");

CREATE UNIQUE INDEX "ix_spend_profiles_organisation_id_name" ON "spend_profiles" ("organisation_id", "name");

CREATE INDEX "ix_spend_transactions_import_id" ON "spend_transactions" ("import_id");

CREATE INDEX "ix_spend_transactions_organisation_id_date" ON "spend_transactions" ("organisation_id", "date");

CREATE UNIQUE INDEX "ix_spend_transactions_organisation_id_identity_key" ON "spend_transactions" ("organisation_id", "identity_key");

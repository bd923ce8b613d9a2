-- 0036 payments stored smaller (issue 7, performance; ADR 0024): spend_payments carries the organisation and the
-- import as small integers (a per-organisation ledger number from spend_ledgers, and the import's number within
-- its organisation, spend_imports.number) instead of two 36-character ids, with one index, the identity's; the view
-- spend_transactions gives back both ids, so reads by organisation are unchanged.
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22, with the data copy and the view
-- (EF Core creates no views) written by hand; never edit once released. Payments keep their ids.

CREATE TABLE "spend_ledgers" (
    "number" INTEGER NOT NULL CONSTRAINT "pk_spend_ledgers" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" TEXT NOT NULL,
    "imports" INTEGER NOT NULL,
    CONSTRAINT "fk_spend_ledgers_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_spend_ledgers_organisation_id" ON "spend_ledgers" ("organisation_id");

CREATE TABLE "spend_payments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_spend_payments" PRIMARY KEY AUTOINCREMENT,
    "organisation_number" INTEGER NOT NULL,
    "import_number" INTEGER NOT NULL,
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
    CONSTRAINT "fk_spend_payments_spend_ledgers_organisation_number" FOREIGN KEY ("organisation_number") REFERENCES "spend_ledgers" ("number") ON DELETE RESTRICT
);

ALTER TABLE "spend_imports" ADD "number" INTEGER NULL;

-- Each organisation's imports are numbered in the order they were made; its ledger counts them.
UPDATE "spend_imports" SET "number" = (
    SELECT COUNT(*) FROM "spend_imports" AS earlier
    WHERE earlier."organisation_id" = "spend_imports"."organisation_id"
      AND (earlier."imported_at" < "spend_imports"."imported_at" OR (earlier."imported_at" = "spend_imports"."imported_at" AND earlier."id" <= "spend_imports"."id")));

CREATE UNIQUE INDEX "ix_spend_imports_organisation_id_number" ON "spend_imports" ("organisation_id", "number");

INSERT INTO "spend_ledgers" ("organisation_id", "imports")
SELECT "organisation_id", MAX("number") FROM "spend_imports" GROUP BY "organisation_id" ORDER BY MIN("imported_at");

INSERT INTO "spend_payments" ("id", "organisation_number", "import_number", "line", "date", "month", "amount", "supplier_name", "supplier_key",
    "redacted", "transaction_number", "service_area", "expense_type", "description", "company_number", "vat_number", "postcode", "identity_key")
SELECT t."id", l."number", i."number", t."line", t."date", t."month", t."amount", t."supplier_name", t."supplier_key",
    t."redacted", t."transaction_number", t."service_area", t."expense_type", t."description", t."company_number", t."vat_number", t."postcode", t."identity_key"
FROM "spend_transactions" AS t
JOIN "spend_ledgers" AS l ON l."organisation_id" = t."organisation_id"
JOIN "spend_imports" AS i ON i."id" = t."import_id"
ORDER BY t."id";

DROP TABLE "spend_transactions";

CREATE UNIQUE INDEX "ix_spend_payments_organisation_number_identity_key" ON "spend_payments" ("organisation_number", "identity_key");

-- The payments as they were read before: the organisation's and the import's ids back. The import is a left join
-- on a unique index, so a query that does not read import_id does not touch spend_imports.
CREATE VIEW "spend_transactions" AS
SELECT p."id", l."organisation_id", i."id" AS "import_id", p."line", p."date", p."month", p."amount", p."supplier_name", p."supplier_key",
    p."redacted", p."transaction_number", p."service_area", p."expense_type", p."description", p."company_number", p."vat_number", p."postcode", p."identity_key"
FROM "spend_payments" AS p
JOIN "spend_ledgers" AS l ON l."number" = p."organisation_number"
LEFT JOIN "spend_imports" AS i ON i."organisation_id" = l."organisation_id" AND i."number" = p."import_number";

-- 0046 payments carry their supplier as written and their service area and expense type as numbers into two small per-organisation tables, spend_supplier_names and spend_service_expenses, rather than four texts; the view gives the texts back (issue 7, performance; ADR 0027).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22, the numbering, the data copy and the view written by hand; never edit once released. Payments keep their ids.

CREATE TABLE "spend_supplier_names" (
    "organisation_number" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "supplier_name" TEXT NULL,
    "supplier_key" TEXT NOT NULL,
    CONSTRAINT "pk_spend_supplier_names" PRIMARY KEY ("organisation_number", "number")
);

CREATE TABLE "spend_service_expenses" (
    "organisation_number" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "service_area" TEXT NULL,
    "expense_type" TEXT NULL,
    CONSTRAINT "pk_spend_service_expenses" PRIMARY KEY ("organisation_number", "number")
);

-- Each organisation's distinct names, numbered from 1 (DISTINCT takes two NULLs as one, as the import does).
INSERT INTO "spend_supplier_names" ("organisation_number", "number", "supplier_name", "supplier_key")
SELECT "organisation_number", ROW_NUMBER() OVER (PARTITION BY "organisation_number" ORDER BY "supplier_key", "supplier_name"), "supplier_name", "supplier_key"
FROM (SELECT DISTINCT "organisation_number", "supplier_name", "supplier_key" FROM "spend_payments");

INSERT INTO "spend_service_expenses" ("organisation_number", "number", "service_area", "expense_type")
SELECT "organisation_number", ROW_NUMBER() OVER (PARTITION BY "organisation_number" ORDER BY "service_area", "expense_type"), "service_area", "expense_type"
FROM (SELECT DISTINCT "organisation_number", "service_area", "expense_type" FROM "spend_payments");

DROP VIEW "spend_transactions";

CREATE TABLE "spend_payments_rebuilt" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_spend_payments" PRIMARY KEY AUTOINCREMENT,
    "organisation_number" INTEGER NOT NULL,
    "import_number" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "supplier_number" INTEGER NOT NULL,
    "redacted" INTEGER NOT NULL,
    "transaction_number" TEXT NULL,
    "service_expense_number" INTEGER NOT NULL,
    "description" TEXT NULL,
    "company_number" TEXT NULL,
    "vat_number" TEXT NULL,
    "postcode" TEXT NULL,
    "identity_key" INTEGER NOT NULL
);

-- Indexes for the copy's look-ups of each payment's names, dropped after it (IS matches NULL with NULL, and can use them).
CREATE INDEX "ix_0046_supplier_names" ON "spend_supplier_names" ("organisation_number", "supplier_key", "supplier_name");
CREATE INDEX "ix_0046_service_expenses" ON "spend_service_expenses" ("organisation_number", "service_area", "expense_type");

INSERT INTO "spend_payments_rebuilt" ("id", "organisation_number", "import_number", "line", "date", "month", "amount", "supplier_number", "redacted",
    "transaction_number", "service_expense_number", "description", "company_number", "vat_number", "postcode", "identity_key")
SELECT p."id", p."organisation_number", p."import_number", p."line", p."date", p."month", p."amount", s."number", p."redacted",
    p."transaction_number", e."number", p."description", p."company_number", p."vat_number", p."postcode", p."identity_key"
FROM "spend_payments" AS p
JOIN "spend_supplier_names" AS s ON s."organisation_number" = p."organisation_number" AND s."supplier_name" IS p."supplier_name" AND s."supplier_key" = p."supplier_key"
JOIN "spend_service_expenses" AS e ON e."organisation_number" = p."organisation_number" AND e."service_area" IS p."service_area" AND e."expense_type" IS p."expense_type"
ORDER BY p."id";

DROP INDEX "ix_0046_supplier_names";
DROP INDEX "ix_0046_service_expenses";

DROP TABLE "spend_payments";

ALTER TABLE "spend_payments_rebuilt" RENAME TO "spend_payments";

CREATE UNIQUE INDEX "ix_spend_payments_organisation_number_import_number_line" ON "spend_payments" ("organisation_number", "import_number", "line");

-- The payments as they were read before. Every payment has its names, so the left joins (on the names' keys) change
-- no row, and let SQLite leave out a join whose columns a query does not read.
CREATE VIEW "spend_transactions" AS
SELECT p."id", l."organisation_id", i."id" AS "import_id", p."line", p."date", p."month", p."amount", s."supplier_name", s."supplier_key",
    p."redacted", p."transaction_number", e."service_area", e."expense_type", p."description", p."company_number", p."vat_number", p."postcode", p."identity_key"
FROM "spend_payments" AS p
JOIN "spend_ledgers" AS l ON l."number" = p."organisation_number"
LEFT JOIN "spend_imports" AS i ON i."organisation_id" = l."organisation_id" AND i."number" = p."import_number"
LEFT JOIN "spend_supplier_names" AS s ON s."organisation_number" = p."organisation_number" AND s."number" = p."supplier_number"
LEFT JOIN "spend_service_expenses" AS e ON e."organisation_number" = p."organisation_number" AND e."number" = p."service_expense_number";

-- 0047 payments are keyed by their organisation, import and line, in a table without rowids, as are the four totals tables: each row is stored once, in the key's order, rather than in a table and again in its key's index (issue 7, performance; ADR 0028).
-- Written by hand on 2026-11-23 (EF Core does not describe WITHOUT ROWID tables; their columns, keys and indexes read as EF Core's own); never edit once released. The view gives each payment an id from its import and line.

DROP VIEW "spend_transactions";

CREATE TABLE "spend_payments_rebuilt" (
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
    "identity_key" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_payments" PRIMARY KEY ("organisation_number", "import_number", "line")
) WITHOUT ROWID;

INSERT INTO "spend_payments_rebuilt" ("organisation_number", "import_number", "line", "date", "month", "amount", "supplier_number", "redacted",
    "transaction_number", "service_expense_number", "description", "company_number", "vat_number", "postcode", "identity_key")
SELECT "organisation_number", "import_number", "line", "date", "month", "amount", "supplier_number", "redacted",
    "transaction_number", "service_expense_number", "description", "company_number", "vat_number", "postcode", "identity_key"
FROM "spend_payments"
ORDER BY "organisation_number", "import_number", "line";

DROP TABLE "spend_payments";

ALTER TABLE "spend_payments_rebuilt" RENAME TO "spend_payments";

-- The payments as they were read before. A payment's id is its import's number and its line, as one number: unique
-- within the organisation, in the order payments were written (the ids before were, too).
CREATE VIEW "spend_transactions" AS
SELECT p."import_number" * 4294967296 + p."line" AS "id", l."organisation_id", i."id" AS "import_id", p."line", p."date", p."month", p."amount", s."supplier_name", s."supplier_key",
    p."redacted", p."transaction_number", e."service_area", e."expense_type", p."description", p."company_number", p."vat_number", p."postcode", p."identity_key"
FROM "spend_payments" AS p
JOIN "spend_ledgers" AS l ON l."number" = p."organisation_number"
LEFT JOIN "spend_imports" AS i ON i."organisation_id" = l."organisation_id" AND i."number" = p."import_number"
LEFT JOIN "spend_supplier_names" AS s ON s."organisation_number" = p."organisation_number" AND s."number" = p."supplier_number"
LEFT JOIN "spend_service_expenses" AS e ON e."organisation_number" = p."organisation_number" AND e."number" = p."service_expense_number";

CREATE TABLE "spend_supplier_months_rebuilt" (
    "organisation_id" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "supplier_key" TEXT NOT NULL,
    "company_number" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_supplier_months" PRIMARY KEY ("organisation_id", "month", "supplier_key", "company_number")
) WITHOUT ROWID;

INSERT INTO "spend_supplier_months_rebuilt" SELECT "organisation_id", "month", "supplier_key", "company_number", "total", "transactions" FROM "spend_supplier_months";

DROP TABLE "spend_supplier_months";

ALTER TABLE "spend_supplier_months_rebuilt" RENAME TO "spend_supplier_months";

CREATE TABLE "spend_supplier_days_rebuilt" (
    "organisation_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "supplier_key" TEXT NOT NULL,
    "company_number" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_supplier_days" PRIMARY KEY ("organisation_id", "date", "supplier_key", "company_number")
) WITHOUT ROWID;

INSERT INTO "spend_supplier_days_rebuilt" SELECT "organisation_id", "date", "supplier_key", "company_number", "total", "transactions" FROM "spend_supplier_days";

DROP TABLE "spend_supplier_days";

ALTER TABLE "spend_supplier_days_rebuilt" RENAME TO "spend_supplier_days";

CREATE TABLE "spend_days_rebuilt" (
    "organisation_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_days" PRIMARY KEY ("organisation_id", "date")
) WITHOUT ROWID;

INSERT INTO "spend_days_rebuilt" SELECT "organisation_id", "date", "total", "transactions" FROM "spend_days";

DROP TABLE "spend_days";

ALTER TABLE "spend_days_rebuilt" RENAME TO "spend_days";

CREATE TABLE "spend_day_categories_rebuilt" (
    "organisation_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "service_area" TEXT NOT NULL,
    "expense_type" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_day_categories" PRIMARY KEY ("organisation_id", "date", "service_area", "expense_type")
) WITHOUT ROWID;

INSERT INTO "spend_day_categories_rebuilt" SELECT "organisation_id", "date", "service_area", "expense_type", "total", "transactions" FROM "spend_day_categories";

DROP TABLE "spend_day_categories";

ALTER TABLE "spend_day_categories_rebuilt" RENAME TO "spend_day_categories";

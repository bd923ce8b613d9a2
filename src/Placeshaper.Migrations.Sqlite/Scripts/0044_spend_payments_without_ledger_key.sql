-- 0044 payments lose their foreign key to the ledger, which the import keeps by taking the number from the ledger's row in its own transaction (issue 7, performance; ADR 0025).
-- Written by hand from `placeshaper db script --provider sqlite --new` on 2026-11-22 (SQLite drops a constraint by rebuilding the table, and the view over it with it); never edit once released.

DROP VIEW "spend_transactions";

CREATE TABLE "spend_payments_rebuilt" (
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
    "identity_key" INTEGER NOT NULL
);

INSERT INTO "spend_payments_rebuilt" SELECT * FROM "spend_payments" ORDER BY "id";

DROP TABLE "spend_payments";

ALTER TABLE "spend_payments_rebuilt" RENAME TO "spend_payments";

CREATE UNIQUE INDEX "ix_spend_payments_organisation_number_import_number_line" ON "spend_payments" ("organisation_number", "import_number", "line");

-- As migration 0036 made it.
CREATE VIEW "spend_transactions" AS
SELECT p."id", l."organisation_id", i."id" AS "import_id", p."line", p."date", p."month", p."amount", p."supplier_name", p."supplier_key",
    p."redacted", p."transaction_number", p."service_area", p."expense_type", p."description", p."company_number", p."vat_number", p."postcode", p."identity_key"
FROM "spend_payments" AS p
JOIN "spend_ledgers" AS l ON l."number" = p."organisation_number"
LEFT JOIN "spend_imports" AS i ON i."organisation_id" = l."organisation_id" AND i."number" = p."import_number";

-- 0045 spend totals lose their foreign keys to organisations: the import alone writes them, for the organisation whose ledger it holds, and organisations are never deleted (issue 7, performance; ADR 0026).
-- Written by hand from `placeshaper db script --provider sqlite --new` on 2026-11-22 (SQLite drops a constraint by rebuilding the table); never edit once released.

CREATE TABLE "spend_supplier_months_rebuilt" (
    "organisation_id" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "supplier_key" TEXT NOT NULL,
    "company_number" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_supplier_months" PRIMARY KEY ("organisation_id", "month", "supplier_key", "company_number")
);

INSERT INTO "spend_supplier_months_rebuilt" SELECT * FROM "spend_supplier_months";

DROP TABLE "spend_supplier_months";

ALTER TABLE "spend_supplier_months_rebuilt" RENAME TO "spend_supplier_months";

CREATE TABLE "spend_days_rebuilt" (
    "organisation_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_days" PRIMARY KEY ("organisation_id", "date")
);

INSERT INTO "spend_days_rebuilt" SELECT * FROM "spend_days";

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
);

INSERT INTO "spend_day_categories_rebuilt" SELECT * FROM "spend_day_categories";

DROP TABLE "spend_day_categories";

ALTER TABLE "spend_day_categories_rebuilt" RENAME TO "spend_day_categories";

CREATE TABLE "spend_supplier_days_rebuilt" (
    "organisation_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "supplier_key" TEXT NOT NULL,
    "company_number" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_supplier_days" PRIMARY KEY ("organisation_id", "date", "supplier_key", "company_number")
);

INSERT INTO "spend_supplier_days_rebuilt" SELECT * FROM "spend_supplier_days";

DROP TABLE "spend_supplier_days";

ALTER TABLE "spend_supplier_days_rebuilt" RENAME TO "spend_supplier_days";

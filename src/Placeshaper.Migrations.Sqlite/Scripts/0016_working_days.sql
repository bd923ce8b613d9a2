-- 0016 working days: the UK's bank holidays from GOV.UK's bank-holidays.json, and the Procurement Act 2023 s.54 minimum periods an administrator imports (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "bank_holidays" (
    "division" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "imported_at" TEXT NOT NULL,
    CONSTRAINT "pk_bank_holidays" PRIMARY KEY ("division", "date")
);

CREATE TABLE "minimum_periods" (
    "id" TEXT NOT NULL CONSTRAINT "pk_minimum_periods" PRIMARY KEY,
    "route" TEXT NOT NULL,
    "case_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "minimum_days" INTEGER NOT NULL,
    "counting" TEXT NOT NULL,
    "applies_from" TEXT NOT NULL,
    "applies_to" TEXT NULL,
    "source" TEXT NOT NULL,
    "imported_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_minimum_periods_route_case_code_period_applies_from" ON "minimum_periods" ("route", "case_code", "period", "applies_from");

-- 0043 spend totals per day, service area and expense type, kept at import, so that the analytics' service-area, expense-type and category tables and the categories page read totals rather than payments (issue 7, performance).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22, the totals of payments already held filled in by hand; never edit once released.

CREATE TABLE "spend_day_categories" (
    "organisation_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "service_area" TEXT NOT NULL,
    "expense_type" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "transactions" INTEGER NOT NULL,
    CONSTRAINT "pk_spend_day_categories" PRIMARY KEY ("organisation_id", "date", "service_area", "expense_type"),
    CONSTRAINT "fk_spend_day_categories_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

INSERT INTO "spend_day_categories" ("organisation_id", "date", "service_area", "expense_type", "total", "transactions")
SELECT "organisation_id", "date", COALESCE("service_area", ''), COALESCE("expense_type", ''), SUM("amount"), COUNT(*) FROM "spend_transactions"
GROUP BY "organisation_id", "date", COALESCE("service_area", ''), COALESCE("expense_type", '');

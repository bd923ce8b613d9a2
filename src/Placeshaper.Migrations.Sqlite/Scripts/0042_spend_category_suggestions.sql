-- 0042 spend category suggestions: the ProClass codes and labels spend files give their expense types, kept per organisation with the payments and spend that carried them, for an officer to accept as spend categories (issue 7, item 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "spend_category_suggestions" (
    "organisation_id" TEXT NOT NULL,
    "expense_key" TEXT NOT NULL,
    "pro_class_code" TEXT NOT NULL,
    "pro_class_label" TEXT NOT NULL,
    "expense_type" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "source_import_id" TEXT NOT NULL,
    "source_file" TEXT NOT NULL,
    "first_seen" TEXT NOT NULL,
    "last_seen" TEXT NOT NULL,
    CONSTRAINT "pk_spend_category_suggestions" PRIMARY KEY ("organisation_id", "expense_key", "pro_class_code", "pro_class_label"),
    CONSTRAINT "fk_spend_category_suggestions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

-- 0037 spend categories: each organisation's expense types mapped to a CPV 2008 code and/or its own ProClass code and label (issue 7, item 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "spend_categories" (
    "organisation_id" TEXT NOT NULL,
    "expense_key" TEXT NOT NULL,
    "expense_type" TEXT NOT NULL,
    "cpv_code" TEXT NULL,
    "pro_class_code" TEXT NULL,
    "pro_class_label" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_spend_categories" PRIMARY KEY ("organisation_id", "expense_key"),
    CONSTRAINT "fk_spend_categories_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

-- 0037 spend categories: each organisation's expense types mapped to a CPV 2008 code and/or its own ProClass code and label (issue 7, item 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE spend_categories (
    organisation_id uuid NOT NULL,
    expense_key character varying(500) NOT NULL,
    expense_type character varying(500) NOT NULL,
    cpv_code character varying(10),
    pro_class_code character varying(40),
    pro_class_label character varying(200),
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_spend_categories PRIMARY KEY (organisation_id, expense_key),
    CONSTRAINT fk_spend_categories_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

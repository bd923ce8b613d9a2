-- 0042 spend category suggestions: the ProClass codes and labels spend files give their expense types, kept per organisation with the payments and spend that carried them, for an officer to accept as spend categories (issue 7, item 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE spend_category_suggestions (
    organisation_id uuid NOT NULL,
    expense_key character varying(500) NOT NULL,
    pro_class_code character varying(40) NOT NULL,
    pro_class_label character varying(200) NOT NULL,
    expense_type character varying(500) NOT NULL,
    lines integer NOT NULL,
    total bigint NOT NULL,
    source_import_id uuid NOT NULL,
    source_file character varying(260) NOT NULL,
    first_seen timestamp with time zone NOT NULL,
    last_seen timestamp with time zone NOT NULL,
    CONSTRAINT pk_spend_category_suggestions PRIMARY KEY (organisation_id, expense_key, pro_class_code, pro_class_label),
    CONSTRAINT fk_spend_category_suggestions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

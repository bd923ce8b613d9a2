-- 0025 social value measures: an organisation's own measures with proxy values, and the measures a tender offers bidders (issue 5, item 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-23; never edit once released.

CREATE TABLE social_value_measures (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    code character varying(30) NOT NULL,
    theme character varying(200) NOT NULL,
    outcome character varying(200),
    description character varying(1000) NOT NULL,
    unit character varying(50) NOT NULL,
    proxy_value bigint,
    source character varying(1000),
    licence character varying(500),
    retired boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_social_value_measures PRIMARY KEY (id),
    CONSTRAINT fk_social_value_measures_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE tender_social_value_measures (
    id uuid NOT NULL,
    tender_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    code character varying(30) NOT NULL,
    theme character varying(200) NOT NULL,
    outcome character varying(200),
    description character varying(1000) NOT NULL,
    unit character varying(50),
    proxy_value bigint,
    source character varying(1000),
    is_reference boolean NOT NULL,
    "order" integer NOT NULL,
    CONSTRAINT pk_tender_social_value_measures PRIMARY KEY (id),
    CONSTRAINT fk_tender_social_value_measures_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_social_value_measures_organisation_id_code ON social_value_measures (organisation_id, code);

CREATE UNIQUE INDEX ix_tender_social_value_measures_tender_id_code ON tender_social_value_measures (tender_id, code);

-- 0034 spend suppliers: suppliers named in spend resolved to the provider register and classified, officers' decisions, the local definition (issue 7, items 4-5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE spend_local_definitions (
    organisation_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    districts character varying(4000) NOT NULL,
    centre_postcode character varying(10),
    radius_km numeric(9,3),
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_spend_local_definitions PRIMARY KEY (organisation_id),
    CONSTRAINT fk_spend_local_definitions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE spend_supplier_decisions (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    supplier_key character varying(500) NOT NULL,
    kind character varying(20) NOT NULL,
    provider_id uuid,
    decided_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_spend_supplier_decisions PRIMARY KEY (id),
    CONSTRAINT fk_spend_supplier_decisions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE spend_suppliers (
    organisation_id uuid NOT NULL,
    supplier_key character varying(500) NOT NULL,
    name character varying(500) NOT NULL,
    company_number character varying(40),
    vat_number character varying(40),
    postcode character varying(40),
    total bigint NOT NULL,
    transactions integer NOT NULL,
    status character varying(20) NOT NULL,
    method character varying(60) NOT NULL,
    provider_id uuid,
    candidate_id uuid,
    score double precision,
    is_local boolean,
    local_reason character varying(300) NOT NULL,
    is_sme boolean,
    is_vcse boolean NOT NULL,
    is_public_sector boolean NOT NULL,
    is_individual boolean NOT NULL,
    resolved_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_spend_suppliers PRIMARY KEY (organisation_id, supplier_key),
    CONSTRAINT fk_spend_suppliers_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_spend_supplier_decisions_organisation_id_supplier_key ON spend_supplier_decisions (organisation_id, supplier_key);

CREATE INDEX ix_spend_suppliers_organisation_id_status ON spend_suppliers (organisation_id, status);

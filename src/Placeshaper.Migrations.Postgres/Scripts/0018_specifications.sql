-- 0018 outcome-based specifications: outcomes, KPIs, term and extensions, lots and payment mechanism, agreed by an audited decision; tenders link to one (issue 5, item 3).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-23, the tenders column and its foreign key written as ALTER statements; never edit once released.

CREATE TABLE specifications (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    title character varying(300) NOT NULL,
    purpose character varying(4000) NOT NULL,
    contract_months integer,
    no_lots_reason character varying(2000) NOT NULL,
    payment_mechanism character varying(30),
    outcome_share_percent numeric(5,2),
    service_credits boolean NOT NULL,
    status character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    agreed_at timestamp with time zone,
    agreed_by uuid,
    CONSTRAINT pk_specifications PRIMARY KEY (id),
    CONSTRAINT fk_specifications_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_specifications_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE RESTRICT
);

CREATE TABLE specification_outcomes (
    specification_id uuid NOT NULL,
    outcome_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    CONSTRAINT pk_specification_outcomes PRIMARY KEY (specification_id, outcome_id),
    CONSTRAINT fk_specification_outcomes_outcomes_outcome_id FOREIGN KEY (outcome_id) REFERENCES outcomes (id) ON DELETE RESTRICT,
    CONSTRAINT fk_specification_outcomes_specifications_specification_id FOREIGN KEY (specification_id) REFERENCES specifications (id) ON DELETE CASCADE
);

CREATE TABLE specification_kpis (
    id uuid NOT NULL,
    specification_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    number integer NOT NULL,
    definition character varying(1000) NOT NULL,
    unit character varying(50) NOT NULL,
    polarity character varying(20) NOT NULL,
    target numeric(18,4) NOT NULL,
    minimum numeric(18,4) NOT NULL,
    frequency character varying(20) NOT NULL,
    data_source character varying(500) NOT NULL,
    measure_id uuid,
    CONSTRAINT pk_specification_kpis PRIMARY KEY (id),
    CONSTRAINT fk_specification_kpis_outcome_measures_measure_id FOREIGN KEY (measure_id) REFERENCES outcome_measures (id) ON DELETE RESTRICT,
    CONSTRAINT fk_specification_kpis_specifications_specification_id FOREIGN KEY (specification_id) REFERENCES specifications (id) ON DELETE CASCADE
);

CREATE TABLE specification_extensions (
    specification_id uuid NOT NULL,
    number integer NOT NULL,
    organisation_id uuid NOT NULL,
    months integer NOT NULL,
    CONSTRAINT pk_specification_extensions PRIMARY KEY (specification_id, number),
    CONSTRAINT fk_specification_extensions_specifications_specification_id FOREIGN KEY (specification_id) REFERENCES specifications (id) ON DELETE CASCADE
);

CREATE TABLE specification_lots (
    id uuid NOT NULL,
    specification_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    number integer NOT NULL,
    title character varying(300) NOT NULL,
    share_percent numeric(5,2) NOT NULL,
    CONSTRAINT pk_specification_lots PRIMARY KEY (id),
    CONSTRAINT fk_specification_lots_specifications_specification_id FOREIGN KEY (specification_id) REFERENCES specifications (id) ON DELETE CASCADE
);

ALTER TABLE tenders ADD specification_id uuid;

ALTER TABLE tenders ADD CONSTRAINT fk_tenders_specifications_specification_id FOREIGN KEY (specification_id) REFERENCES specifications (id) ON DELETE RESTRICT;

CREATE INDEX ix_specification_kpis_measure_id ON specification_kpis (measure_id);

CREATE UNIQUE INDEX ix_specification_kpis_specification_id_number ON specification_kpis (specification_id, number);

CREATE UNIQUE INDEX ix_specification_lots_specification_id_number ON specification_lots (specification_id, number);

CREATE INDEX ix_specification_outcomes_outcome_id ON specification_outcomes (outcome_id);

CREATE INDEX ix_specifications_organisation_id ON specifications (organisation_id);

CREATE INDEX ix_specifications_programme_id ON specifications (programme_id);

CREATE INDEX ix_tenders_specification_id ON tenders (specification_id);

-- 0022 contracts: the contracts register, with parties, extension options, break clauses, outcomes and KPIs (issue 6).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE contracts (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    reference character varying(100) NOT NULL,
    source_reference character varying(100),
    import_key character varying(64),
    title character varying(300) NOT NULL,
    description character varying(4000) NOT NULL,
    provider_id uuid,
    supplier_name character varying(300) NOT NULL,
    supplier_postcode character varying(20),
    supplier_company_number character varying(50),
    recorded_sme boolean,
    total_value bigint,
    annual_value bigint,
    start_date date,
    end_date date,
    procedure character varying(200) NOT NULL,
    advertised boolean,
    directorate character varying(200) NOT NULL,
    purchasing_body character varying(200) NOT NULL,
    classification_code character varying(20) NOT NULL,
    classification_description character varying(200) NOT NULL,
    programme_id uuid,
    specification_id uuid,
    tender_id uuid,
    award_decision_id uuid,
    payment_mechanism character varying(30),
    status character varying(20) NOT NULL,
    extension_decision_months integer NOT NULL,
    review_date date,
    kpi_exemption_reason character varying(2000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone,
    CONSTRAINT pk_contracts PRIMARY KEY (id),
    CONSTRAINT fk_contracts_award_decisions_award_decision_id FOREIGN KEY (award_decision_id) REFERENCES award_decisions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contracts_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contracts_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contracts_providers_provider_id FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contracts_specifications_specification_id FOREIGN KEY (specification_id) REFERENCES specifications (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contracts_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
);

CREATE TABLE contract_break_clauses (
    contract_id uuid NOT NULL,
    number integer NOT NULL,
    organisation_id uuid NOT NULL,
    "on" date NOT NULL,
    notice_months integer NOT NULL,
    CONSTRAINT pk_contract_break_clauses PRIMARY KEY (contract_id, number),
    CONSTRAINT fk_contract_break_clauses_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE TABLE contract_extensions (
    contract_id uuid NOT NULL,
    number integer NOT NULL,
    organisation_id uuid NOT NULL,
    months integer NOT NULL,
    taken boolean NOT NULL,
    CONSTRAINT pk_contract_extensions PRIMARY KEY (contract_id, number),
    CONSTRAINT fk_contract_extensions_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE TABLE contract_kpis (
    id uuid NOT NULL,
    contract_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    number integer NOT NULL,
    definition character varying(1000) NOT NULL,
    unit character varying(50) NOT NULL,
    polarity character varying(20) NOT NULL,
    target numeric(18,4) NOT NULL,
    minimum numeric(18,4) NOT NULL,
    frequency character varying(20) NOT NULL,
    data_source character varying(500) NOT NULL,
    CONSTRAINT pk_contract_kpis PRIMARY KEY (id),
    CONSTRAINT fk_contract_kpis_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE TABLE contract_outcomes (
    contract_id uuid NOT NULL,
    outcome_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    CONSTRAINT pk_contract_outcomes PRIMARY KEY (contract_id, outcome_id),
    CONSTRAINT fk_contract_outcomes_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contract_outcomes_outcomes_outcome_id FOREIGN KEY (outcome_id) REFERENCES outcomes (id) ON DELETE RESTRICT
);

CREATE TABLE contract_parties (
    contract_id uuid NOT NULL,
    number integer NOT NULL,
    organisation_id uuid NOT NULL,
    name character varying(300) NOT NULL,
    role character varying(30) NOT NULL,
    CONSTRAINT pk_contract_parties PRIMARY KEY (contract_id, number),
    CONSTRAINT fk_contract_parties_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_contract_kpis_contract_id_number ON contract_kpis (contract_id, number);

CREATE INDEX ix_contract_outcomes_outcome_id ON contract_outcomes (outcome_id);

CREATE UNIQUE INDEX ix_contracts_award_decision_id ON contracts (award_decision_id);

CREATE UNIQUE INDEX ix_contracts_organisation_id_import_key ON contracts (organisation_id, import_key);

CREATE UNIQUE INDEX ix_contracts_organisation_id_reference ON contracts (organisation_id, reference);

CREATE INDEX ix_contracts_programme_id ON contracts (programme_id);

CREATE INDEX ix_contracts_provider_id ON contracts (provider_id);

CREATE INDEX ix_contracts_specification_id ON contracts (specification_id);

CREATE INDEX ix_contracts_tender_id ON contracts (tender_id);

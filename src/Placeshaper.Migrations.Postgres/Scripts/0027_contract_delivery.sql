-- 0027 contract delivery: KPI values reported and approved, versioned payment terms, payment calculations and what was paid (issue 6).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE contract_payments (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    period_start date NOT NULL,
    amount bigint NOT NULL,
    paid_on date NOT NULL,
    reference character varying(100) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by uuid,
    CONSTRAINT pk_contract_payments PRIMARY KEY (id),
    CONSTRAINT fk_contract_payments_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE TABLE payment_terms_versions (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    version integer NOT NULL,
    effective_from date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid,
    document text NOT NULL,
    CONSTRAINT pk_payment_terms_versions PRIMARY KEY (id),
    CONSTRAINT fk_payment_terms_versions_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE TABLE kpi_observations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    kpi_id uuid NOT NULL,
    period_start date NOT NULL,
    value numeric(18,4) NOT NULL,
    comment character varying(2000) NOT NULL,
    status character varying(20) NOT NULL,
    source character varying(20) NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    submitted_by uuid,
    submitted_by_provider_id uuid,
    reviewed_at timestamp with time zone,
    reviewed_by uuid,
    return_reason character varying(2000) NOT NULL,
    CONSTRAINT pk_kpi_observations PRIMARY KEY (id),
    CONSTRAINT fk_kpi_observations_contract_kpis_kpi_id FOREIGN KEY (kpi_id) REFERENCES contract_kpis (id) ON DELETE RESTRICT,
    CONSTRAINT fk_kpi_observations_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE TABLE payment_calculations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    revision integer NOT NULL,
    terms_version_id uuid NOT NULL,
    terms_version integer NOT NULL,
    fixed_element bigint NOT NULL,
    outcome_payments bigint NOT NULL,
    credits bigint NOT NULL,
    due bigint NOT NULL,
    investment_recovered bigint NOT NULL,
    inputs text NOT NULL,
    working text NOT NULL,
    calculated_at timestamp with time zone NOT NULL,
    calculated_by uuid,
    CONSTRAINT pk_payment_calculations PRIMARY KEY (id),
    CONSTRAINT fk_payment_calculations_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT fk_payment_calculations_payment_terms_versions_terms_version_id FOREIGN KEY (terms_version_id) REFERENCES payment_terms_versions (id) ON DELETE RESTRICT
);

CREATE TABLE kpi_observation_evidence (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    observation_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    content bytea NOT NULL,
    size integer NOT NULL,
    sha256 character varying(64) NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_kpi_observation_evidence PRIMARY KEY (id),
    CONSTRAINT fk_kpi_observation_evidence_kpi_observations_observation_id FOREIGN KEY (observation_id) REFERENCES kpi_observations (id) ON DELETE CASCADE
);

CREATE INDEX ix_contract_payments_contract_id_period_start ON contract_payments (contract_id, period_start);

CREATE INDEX ix_kpi_observation_evidence_observation_id ON kpi_observation_evidence (observation_id);

CREATE INDEX ix_kpi_observations_contract_id_kpi_id_period_start ON kpi_observations (contract_id, kpi_id, period_start);

CREATE INDEX ix_kpi_observations_kpi_id ON kpi_observations (kpi_id);

CREATE UNIQUE INDEX ix_payment_calculations_contract_id_period_start_revision ON payment_calculations (contract_id, period_start, revision);

CREATE INDEX ix_payment_calculations_terms_version_id ON payment_calculations (terms_version_id);

CREATE UNIQUE INDEX ix_payment_terms_versions_contract_id_version ON payment_terms_versions (contract_id, version);


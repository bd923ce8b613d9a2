-- 0032 social value delivery and contract performance notices: contracts' social value obligations (from the winning
-- bid's commitments or added by the contract manager), providers' delivery reports against them with their evidence
-- files (issue 6), and the KPI assessments published as contract performance notices (Procurement Act 2023 s.71).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE contract_performance_notices (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    ratings_json text NOT NULL,
    published_at timestamp with time zone NOT NULL,
    published_by uuid,
    CONSTRAINT pk_contract_performance_notices PRIMARY KEY (id),
    CONSTRAINT fk_contract_performance_notices_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE TABLE social_value_obligations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    measure_code character varying(30),
    theme character varying(200) NOT NULL,
    measure character varying(300) NOT NULL,
    unit character varying(50) NOT NULL,
    committed_quantity numeric(18,2) NOT NULL,
    proxy_value bigint,
    due_by date,
    source character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_social_value_obligations PRIMARY KEY (id),
    CONSTRAINT fk_social_value_obligations_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
);

CREATE TABLE social_value_reports (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    obligation_id uuid NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    quantity numeric(18,2) NOT NULL,
    narrative character varying(4000) NOT NULL,
    status character varying(20) NOT NULL,
    source character varying(20) NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    submitted_by uuid,
    submitted_by_provider_id uuid,
    reviewed_at timestamp with time zone,
    reviewed_by uuid,
    return_reason character varying(2000) NOT NULL,
    CONSTRAINT pk_social_value_reports PRIMARY KEY (id),
    CONSTRAINT fk_social_value_reports_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT fk_social_value_reports_social_value_obligations_obligation_id FOREIGN KEY (obligation_id) REFERENCES social_value_obligations (id) ON DELETE RESTRICT
);

CREATE TABLE social_value_report_evidence (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    report_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    content bytea NOT NULL,
    size integer NOT NULL,
    sha256 character varying(64) NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_social_value_report_evidence PRIMARY KEY (id),
    CONSTRAINT fk_social_value_report_evidence_social_value_reports_report_id FOREIGN KEY (report_id) REFERENCES social_value_reports (id) ON DELETE CASCADE
);

CREATE INDEX ix_contract_performance_notices_contract_id_period_end ON contract_performance_notices (contract_id, period_end);

CREATE INDEX ix_social_value_obligations_contract_id ON social_value_obligations (contract_id);

CREATE INDEX ix_social_value_report_evidence_report_id ON social_value_report_evidence (report_id);

CREATE INDEX ix_social_value_reports_contract_id_obligation_id_period_start ON social_value_reports (contract_id, obligation_id, period_start);

CREATE INDEX ix_social_value_reports_obligation_id ON social_value_reports (obligation_id);


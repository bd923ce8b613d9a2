-- 0028 contract variations, breaches, terminations and exit plans: change requests with their decisions and legal
-- basis, the contract's nature, original value, varied term and termination date, breach and termination records,
-- and one exit and continuity plan per contract. Existing contracts keep their value as their original value.
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

ALTER TABLE contracts ADD nature character varying(20) NOT NULL DEFAULT 'Services';

ALTER TABLE contracts ADD original_value bigint;

ALTER TABLE contracts ADD varied_months integer NOT NULL DEFAULT 0;

ALTER TABLE contracts ADD terminated_on date;

UPDATE contracts SET original_value = total_value;

CREATE TABLE contract_variations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    number integer NOT NULL,
    value_change bigint NOT NULL,
    term_months integer NOT NULL,
    description character varying(4000) NOT NULL,
    reason character varying(2000) NOT NULL,
    requested_by uuid NOT NULL,
    requested_by_name character varying(200) NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    status character varying(20) NOT NULL,
    decided_by uuid,
    decided_by_name character varying(200) NOT NULL,
    decided_at timestamp with time zone,
    rejection_reason character varying(2000) NOT NULL,
    legal_basis character varying(1000) NOT NULL,
    value_after bigint,
    cumulative_change bigint,
    CONSTRAINT pk_contract_variations PRIMARY KEY (id),
    CONSTRAINT fk_contract_variations_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contract_variations_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE contract_breaches (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    occurred_on date NOT NULL,
    clause character varying(300) NOT NULL,
    description character varying(4000) NOT NULL,
    severity character varying(20) NOT NULL,
    remedy_notice_on date,
    remedy_due date,
    resolved_on date,
    recorded_by_name character varying(200) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone,
    CONSTRAINT pk_contract_breaches PRIMARY KEY (id),
    CONSTRAINT fk_contract_breaches_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contract_breaches_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE contract_terminations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    "on" date NOT NULL,
    ground character varying(20) NOT NULL,
    notice_given_on date,
    reason character varying(4000) NOT NULL,
    recorded_by_name character varying(200) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_contract_terminations PRIMARY KEY (id),
    CONSTRAINT fk_contract_terminations_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contract_terminations_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE contract_exit_plans (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contract_id uuid NOT NULL,
    continuity character varying(4000) NOT NULL,
    data_and_assets character varying(4000) NOT NULL,
    tupe character varying(4000) NOT NULL,
    alternative_providers character varying(4000) NOT NULL,
    owner character varying(200) NOT NULL,
    last_reviewed_on date NOT NULL,
    next_review_due date NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_contract_exit_plans PRIMARY KEY (id),
    CONSTRAINT fk_contract_exit_plans_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contract_exit_plans_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE INDEX ix_contract_breaches_contract_id ON contract_breaches (contract_id);

CREATE INDEX ix_contract_breaches_organisation_id ON contract_breaches (organisation_id);

CREATE UNIQUE INDEX ix_contract_exit_plans_contract_id ON contract_exit_plans (contract_id);

CREATE INDEX ix_contract_exit_plans_organisation_id ON contract_exit_plans (organisation_id);

CREATE UNIQUE INDEX ix_contract_terminations_contract_id ON contract_terminations (contract_id);

CREATE INDEX ix_contract_terminations_organisation_id ON contract_terminations (organisation_id);

CREATE UNIQUE INDEX ix_contract_variations_contract_id_number ON contract_variations (contract_id, number);

CREATE INDEX ix_contract_variations_organisation_id ON contract_variations (organisation_id);

-- 0002 programmes: commissioning programmes, partners, stage history, decisions log, pooled budgets.
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE programmes (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    summary character varying(4000) NOT NULL,
    active_stages character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_programmes PRIMARY KEY (id),
    CONSTRAINT fk_programmes_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE pooled_budgets (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    financial_year_start integer NOT NULL,
    name character varying(200) NOT NULL,
    kind character varying(40) NOT NULL,
    total bigint NOT NULL,
    overspend_rule character varying(40) NOT NULL,
    underspend_rule character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_pooled_budgets PRIMARY KEY (id),
    CONSTRAINT fk_pooled_budgets_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE RESTRICT
);

CREATE TABLE programme_decisions (
    id uuid NOT NULL,
    programme_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    decided_on date NOT NULL,
    title character varying(300) NOT NULL,
    decision_makers character varying(300) NOT NULL,
    summary character varying(4000) NOT NULL,
    papers_url character varying(2000),
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_programme_decisions PRIMARY KEY (id),
    CONSTRAINT fk_programme_decisions_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);

CREATE TABLE programme_partners (
    programme_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    joined_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_programme_partners PRIMARY KEY (programme_id, organisation_id),
    CONSTRAINT fk_programme_partners_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_programme_partners_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);

CREATE TABLE stage_changes (
    id uuid NOT NULL,
    programme_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    from_stages character varying(200) NOT NULL,
    to_stages character varying(200) NOT NULL,
    reason character varying(2000) NOT NULL,
    by_person_id uuid,
    by_name character varying(300) NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_stage_changes PRIMARY KEY (id),
    CONSTRAINT fk_stage_changes_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);

CREATE TABLE pooled_budget_contributions (
    pooled_budget_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    amount bigint NOT NULL,
    overspend_percent numeric(7,4),
    underspend_percent numeric(7,4),
    CONSTRAINT pk_pooled_budget_contributions PRIMARY KEY (pooled_budget_id, organisation_id),
    CONSTRAINT fk_pooled_budget_contributions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_pooled_budget_contributions_pooled_budgets_pooled_budget_id FOREIGN KEY (pooled_budget_id) REFERENCES pooled_budgets (id) ON DELETE CASCADE
);

CREATE TABLE pooled_budget_lines (
    id uuid NOT NULL,
    pooled_budget_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    occurred_on date NOT NULL,
    description character varying(300) NOT NULL,
    amount bigint NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_pooled_budget_lines PRIMARY KEY (id),
    CONSTRAINT fk_pooled_budget_lines_pooled_budgets_pooled_budget_id FOREIGN KEY (pooled_budget_id) REFERENCES pooled_budgets (id) ON DELETE CASCADE
);

CREATE INDEX ix_pooled_budget_contributions_organisation_id ON pooled_budget_contributions (organisation_id);

CREATE INDEX ix_pooled_budget_lines_pooled_budget_id_occurred_on ON pooled_budget_lines (pooled_budget_id, occurred_on);

CREATE UNIQUE INDEX ix_pooled_budgets_programme_id_financial_year_start ON pooled_budgets (programme_id, financial_year_start);

CREATE INDEX ix_programme_decisions_programme_id_decided_on ON programme_decisions (programme_id, decided_on);

CREATE INDEX ix_programme_partners_organisation_id ON programme_partners (organisation_id);

CREATE INDEX ix_programmes_organisation_id_name ON programmes (organisation_id, name);

CREATE INDEX ix_stage_changes_programme_id_at ON stage_changes (programme_id, at);


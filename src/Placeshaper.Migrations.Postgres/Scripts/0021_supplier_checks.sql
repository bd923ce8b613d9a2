-- 0021 supplier checks: each bidder's financial standing as checked against the annual value of what it bid for, with the route it passed by (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE supplier_checks (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    tender_id uuid NOT NULL,
    bid_id uuid NOT NULL,
    provider_id uuid NOT NULL,
    annual_value bigint NOT NULL,
    annual_value_basis character varying(2000) NOT NULL,
    turnover_multiple numeric(6,2) NOT NULL,
    turnover bigint,
    members_json character varying(20000) NOT NULL,
    guarantor_name character varying(200) NOT NULL,
    guarantor_turnover bigint,
    override_reason character varying(2000) NOT NULL,
    outcome character varying(30) NOT NULL,
    required bigint NOT NULL,
    explanation character varying(4000) NOT NULL,
    checked_by uuid NOT NULL,
    checked_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_supplier_checks PRIMARY KEY (id),
    CONSTRAINT fk_supplier_checks_bids_bid_id FOREIGN KEY (bid_id) REFERENCES bids (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supplier_checks_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supplier_checks_people_checked_by FOREIGN KEY (checked_by) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supplier_checks_providers_provider_id FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supplier_checks_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_supplier_checks_bid_id ON supplier_checks (bid_id);

CREATE INDEX ix_supplier_checks_checked_by ON supplier_checks (checked_by);

CREATE INDEX ix_supplier_checks_organisation_id ON supplier_checks (organisation_id);

CREATE INDEX ix_supplier_checks_provider_id ON supplier_checks (provider_id);

CREATE INDEX ix_supplier_checks_tender_id ON supplier_checks (tender_id);

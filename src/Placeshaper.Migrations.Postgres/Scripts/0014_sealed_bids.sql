-- 0014 sealed bids: providers' bids, sealed by envelope encryption until the deadline, and when a tender's bids were opened (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

ALTER TABLE tenders ADD bids_opened_at timestamp with time zone;

ALTER TABLE tenders ADD bids_opened_by uuid;

CREATE TABLE bids (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    tender_id uuid NOT NULL,
    provider_id uuid NOT NULL,
    submitted_by uuid NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    status character varying(20) NOT NULL,
    closed_at timestamp with time zone,
    key_id character varying(40) NOT NULL,
    envelope bytea NOT NULL,
    receipt character varying(64) NOT NULL,
    CONSTRAINT pk_bids PRIMARY KEY (id),
    CONSTRAINT fk_bids_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_bids_people_submitted_by FOREIGN KEY (submitted_by) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_bids_providers_provider_id FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_bids_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_bids_one_live_bid ON bids (tender_id, provider_id) WHERE status = 'Submitted';

CREATE INDEX ix_bids_organisation_id ON bids (organisation_id);

CREATE INDEX ix_bids_provider_id ON bids (provider_id);

CREATE INDEX ix_bids_submitted_by ON bids (submitted_by);

CREATE INDEX ix_bids_tender_id_provider_id ON bids (tender_id, provider_id);


-- 0030 residents' reviews of the services an organisation commissions, and the outbox of emails they need (issue 8).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE outbound_emails (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    "to" character varying(256) NOT NULL,
    subject character varying(200) NOT NULL,
    body character varying(8000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    attempts integer NOT NULL,
    CONSTRAINT pk_outbound_emails PRIMARY KEY (id),
    CONSTRAINT fk_outbound_emails_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);

CREATE INDEX ix_outbound_emails_created_at ON outbound_emails (created_at);
CREATE INDEX ix_outbound_emails_organisation_id ON outbound_emails (organisation_id);

CREATE TABLE reviews (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    provider_id uuid NOT NULL,
    contract_id uuid,
    quality integer NOT NULL,
    reliability integer NOT NULL,
    respect integer NOT NULL,
    value integer NOT NULL,
    comment character varying(2000) NOT NULL,
    display_name character varying(60) NOT NULL,
    email_hash character varying(64) NOT NULL,
    sender_hash character varying(64) NOT NULL,
    confirmation_token_hash character varying(64) NOT NULL,
    status character varying(30) NOT NULL,
    held_because character varying(500) NOT NULL,
    moderation_note character varying(1000) NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    confirmed_at timestamp with time zone,
    moderated_at timestamp with time zone,
    published_at timestamp with time zone,
    reply character varying(2000) NOT NULL,
    replied_at timestamp with time zone,
    CONSTRAINT pk_reviews PRIMARY KEY (id),
    CONSTRAINT fk_reviews_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE RESTRICT,
    CONSTRAINT fk_reviews_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_reviews_providers_provider_id FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_reviews_confirmation_token_hash ON reviews (confirmation_token_hash);
CREATE INDEX ix_reviews_contract_id ON reviews (contract_id);
CREATE INDEX ix_reviews_email_hash_provider_id ON reviews (email_hash, provider_id);
CREATE INDEX ix_reviews_organisation_id_provider_id_status ON reviews (organisation_id, provider_id, status);
CREATE INDEX ix_reviews_organisation_id_status_submitted_at ON reviews (organisation_id, status, submitted_at);
CREATE INDEX ix_reviews_provider_id ON reviews (provider_id);
CREATE INDEX ix_reviews_sender_hash_submitted_at ON reviews (sender_hash, submitted_at);


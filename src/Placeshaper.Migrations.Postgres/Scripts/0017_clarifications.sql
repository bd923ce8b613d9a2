-- 0017 clarifications: bidders' clarification questions and the buyer's answers, published to every bidder with the asker kept anonymous (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-23; never edit once released.

CREATE TABLE clarifications (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    tender_id uuid NOT NULL,
    provider_id uuid,
    asked_by uuid NOT NULL,
    question character varying(4000) NOT NULL,
    asked_at timestamp with time zone NOT NULL,
    status character varying(20) NOT NULL,
    published_question character varying(4000) NOT NULL,
    answer character varying(8000) NOT NULL,
    answered_at timestamp with time zone,
    answered_by uuid,
    decline_reason character varying(2000) NOT NULL,
    CONSTRAINT pk_clarifications PRIMARY KEY (id),
    CONSTRAINT fk_clarifications_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_clarifications_people_answered_by FOREIGN KEY (answered_by) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_clarifications_people_asked_by FOREIGN KEY (asked_by) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_clarifications_providers_provider_id FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_clarifications_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
);

CREATE INDEX ix_clarifications_answered_by ON clarifications (answered_by);

CREATE INDEX ix_clarifications_asked_by ON clarifications (asked_by);

CREATE INDEX ix_clarifications_organisation_id ON clarifications (organisation_id);

CREATE INDEX ix_clarifications_provider_id ON clarifications (provider_id);

CREATE INDEX ix_clarifications_tender_id_status ON clarifications (tender_id, status);


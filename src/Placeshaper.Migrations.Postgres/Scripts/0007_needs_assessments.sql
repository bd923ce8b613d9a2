-- 0007 needs assessments: a document per topic gathering indicators, narrative, evidence links and a review date.
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE needs_assessments (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    topic character varying(200) NOT NULL,
    narrative character varying(20000) NOT NULL,
    indicator_codes character varying(2000) NOT NULL,
    evidence_links character varying(20000) NOT NULL,
    review_by date NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_needs_assessments PRIMARY KEY (id),
    CONSTRAINT fk_needs_assessments_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE INDEX ix_needs_assessments_organisation_id_topic ON needs_assessments (organisation_id, topic);


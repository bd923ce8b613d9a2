-- 0006 intelligence: what residents, councillors and providers report about needs and services, with moderation.
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE intelligence_items (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    body character varying(4000) NOT NULL,
    area_id uuid,
    indicator_id uuid,
    submitter_role character varying(40) NOT NULL,
    submitted_by_person_id uuid,
    contact_email character varying(256),
    status character varying(40) NOT NULL,
    moderation_note character varying(1000),
    submitted_at timestamp with time zone NOT NULL,
    moderated_at timestamp with time zone,
    CONSTRAINT pk_intelligence_items PRIMARY KEY (id),
    CONSTRAINT fk_intelligence_items_areas_area_id FOREIGN KEY (area_id) REFERENCES areas (id) ON DELETE RESTRICT,
    CONSTRAINT fk_intelligence_items_indicators_indicator_id FOREIGN KEY (indicator_id) REFERENCES indicators (id) ON DELETE RESTRICT,
    CONSTRAINT fk_intelligence_items_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE INDEX ix_intelligence_items_area_id ON intelligence_items (area_id);

CREATE INDEX ix_intelligence_items_indicator_id ON intelligence_items (indicator_id);

CREATE INDEX ix_intelligence_items_organisation_id_status_submitted_at ON intelligence_items (organisation_id, status, submitted_at);


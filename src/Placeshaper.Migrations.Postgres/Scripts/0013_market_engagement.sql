-- 0013 market engagement: early engagement with providers and community right to challenge expressions of interest (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE engagement_events (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    held_on date NOT NULL,
    title character varying(300) NOT NULL,
    format character varying(30) NOT NULL,
    providers integer NOT NULL,
    small_or_voluntary_providers integer NOT NULL,
    summary character varying(8000) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_engagement_events PRIMARY KEY (id),
    CONSTRAINT fk_engagement_events_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_engagement_events_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);

CREATE TABLE rights_to_challenge (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    challenger character varying(300) NOT NULL,
    service character varying(1000) NOT NULL,
    received_on date NOT NULL,
    status character varying(30) NOT NULL,
    decided_on date,
    reasons character varying(4000) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_rights_to_challenge PRIMARY KEY (id),
    CONSTRAINT fk_rights_to_challenge_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_rights_to_challenge_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);

CREATE INDEX ix_engagement_events_organisation_id ON engagement_events (organisation_id);

CREATE INDEX ix_engagement_events_programme_id_held_on ON engagement_events (programme_id, held_on);

CREATE INDEX ix_rights_to_challenge_organisation_id ON rights_to_challenge (organisation_id);

CREATE INDEX ix_rights_to_challenge_programme_id_received_on ON rights_to_challenge (programme_id, received_on);

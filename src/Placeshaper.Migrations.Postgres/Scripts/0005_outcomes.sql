-- 0005 outcomes: the outcomes framework of themes, outcomes and measures with baselines and targets.
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE outcome_themes (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    CONSTRAINT pk_outcome_themes PRIMARY KEY (id),
    CONSTRAINT fk_outcome_themes_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE outcomes (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    theme_id uuid NOT NULL,
    statement character varying(500) NOT NULL,
    programme_id uuid,
    CONSTRAINT pk_outcomes PRIMARY KEY (id),
    CONSTRAINT fk_outcomes_outcome_themes_theme_id FOREIGN KEY (theme_id) REFERENCES outcome_themes (id) ON DELETE CASCADE,
    CONSTRAINT fk_outcomes_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE SET NULL
);

CREATE TABLE outcome_measures (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    outcome_id uuid NOT NULL,
    name character varying(300) NOT NULL,
    indicator_id uuid,
    area_id uuid,
    unit character varying(40) NOT NULL,
    polarity character varying(40) NOT NULL,
    baseline numeric(28,6) NOT NULL,
    baseline_date date NOT NULL,
    target numeric(28,6) NOT NULL,
    target_date date NOT NULL,
    owner_organisation_id uuid NOT NULL,
    latest_value numeric(28,6),
    latest_date date,
    CONSTRAINT pk_outcome_measures PRIMARY KEY (id),
    CONSTRAINT fk_outcome_measures_areas_area_id FOREIGN KEY (area_id) REFERENCES areas (id) ON DELETE RESTRICT,
    CONSTRAINT fk_outcome_measures_indicators_indicator_id FOREIGN KEY (indicator_id) REFERENCES indicators (id) ON DELETE RESTRICT,
    CONSTRAINT fk_outcome_measures_organisations_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_outcome_measures_outcomes_outcome_id FOREIGN KEY (outcome_id) REFERENCES outcomes (id) ON DELETE CASCADE
);

CREATE INDEX ix_outcome_measures_area_id ON outcome_measures (area_id);

CREATE INDEX ix_outcome_measures_indicator_id ON outcome_measures (indicator_id);

CREATE INDEX ix_outcome_measures_outcome_id ON outcome_measures (outcome_id);

CREATE INDEX ix_outcome_measures_owner_organisation_id ON outcome_measures (owner_organisation_id);

CREATE UNIQUE INDEX ix_outcome_themes_organisation_id_name ON outcome_themes (organisation_id, name);

CREATE INDEX ix_outcomes_programme_id ON outcomes (programme_id);

CREATE INDEX ix_outcomes_theme_id ON outcomes (theme_id);


-- 0004 needs: indicators of local need and their figures by area and period.
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE indicators (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    code character varying(40) NOT NULL,
    name character varying(200) NOT NULL,
    unit character varying(40) NOT NULL,
    polarity character varying(40) NOT NULL,
    source character varying(300) NOT NULL,
    source_url character varying(2000),
    licence character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_indicators PRIMARY KEY (id),
    CONSTRAINT fk_indicators_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE indicator_values (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    indicator_id uuid NOT NULL,
    area_id uuid NOT NULL,
    period character varying(10) NOT NULL,
    period_start date NOT NULL,
    value numeric(28,6) NOT NULL,
    CONSTRAINT pk_indicator_values PRIMARY KEY (id),
    CONSTRAINT fk_indicator_values_areas_area_id FOREIGN KEY (area_id) REFERENCES areas (id) ON DELETE RESTRICT,
    CONSTRAINT fk_indicator_values_indicators_indicator_id FOREIGN KEY (indicator_id) REFERENCES indicators (id) ON DELETE CASCADE
);

CREATE INDEX ix_indicator_values_area_id ON indicator_values (area_id);

CREATE UNIQUE INDEX ix_indicator_values_indicator_id_area_id_period ON indicator_values (indicator_id, area_id, period);

CREATE UNIQUE INDEX ix_indicators_organisation_id_code ON indicators (organisation_id, code);


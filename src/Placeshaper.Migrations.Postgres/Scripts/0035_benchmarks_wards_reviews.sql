-- 0035 benchmarking across councils (sharing settings and figures), the wards contracts are delivered in, and programme reviews (issue 8).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

ALTER TABLE programmes ADD closed_at timestamp with time zone NULL;

CREATE TABLE benchmark_figures (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contributor character varying(200),
    contributor_named boolean NOT NULL,
    category character varying(40) NOT NULL,
    period character varying(20) NOT NULL,
    kind character varying(20) NOT NULL,
    measure character varying(200) NOT NULL,
    unit character varying(200) NOT NULL,
    provider character varying(200) NOT NULL,
    provider_named boolean NOT NULL,
    value numeric(18,4) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_benchmark_figures PRIMARY KEY (id),
    CONSTRAINT fk_benchmark_figures_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE benchmark_sharing (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    category character varying(40) NOT NULL,
    choice character varying(20) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL,
    CONSTRAINT pk_benchmark_sharing PRIMARY KEY (id),
    CONSTRAINT fk_benchmark_sharing_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE programme_reviews (
    id uuid NOT NULL,
    programme_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    decision character varying(20) NOT NULL,
    lessons character varying(4000) NOT NULL,
    reason character varying(2000) NOT NULL,
    to_stages character varying(200) NOT NULL,
    by_person_id uuid,
    by_name character varying(200) NOT NULL,
    reviewed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_programme_reviews PRIMARY KEY (id),
    CONSTRAINT fk_programme_reviews_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_programme_reviews_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);

CREATE TABLE contract_areas (
    contract_id uuid NOT NULL,
    area_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    linked_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_contract_areas PRIMARY KEY (contract_id, area_id),
    CONSTRAINT fk_contract_areas_areas_area_id FOREIGN KEY (area_id) REFERENCES areas (id) ON DELETE CASCADE,
    CONSTRAINT fk_contract_areas_contracts_contract_id FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contract_areas_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE INDEX ix_benchmark_figures_category_organisation_id ON benchmark_figures (category, organisation_id);

CREATE INDEX ix_benchmark_figures_organisation_id ON benchmark_figures (organisation_id);

CREATE INDEX ix_benchmark_sharing_category ON benchmark_sharing (category);

CREATE UNIQUE INDEX ix_benchmark_sharing_organisation_id_category ON benchmark_sharing (organisation_id, category);

CREATE INDEX ix_contract_areas_area_id ON contract_areas (area_id);

CREATE INDEX ix_contract_areas_organisation_id_area_id ON contract_areas (organisation_id, area_id);

CREATE INDEX ix_programme_reviews_organisation_id ON programme_reviews (organisation_id);

CREATE INDEX ix_programme_reviews_programme_id ON programme_reviews (programme_id);

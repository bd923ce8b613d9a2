-- 0003 areas: an organisation's geography by ONS code, and the shared ONS Postcode Directory lookup.
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE reference_postcodes (
    postcode character varying(8) NOT NULL,
    local_authority_code character varying(9),
    ward_code character varying(9),
    lsoa21_code character varying(9),
    msoa21_code character varying(9),
    latitude numeric(9,6),
    longitude numeric(9,6),
    imd_rank integer,
    terminated_in character varying(6),
    CONSTRAINT pk_reference_postcodes PRIMARY KEY (postcode)
);

CREATE TABLE areas (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    code character varying(20) NOT NULL,
    name character varying(200) NOT NULL,
    level character varying(40) NOT NULL,
    parent_id uuid,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_areas PRIMARY KEY (id),
    CONSTRAINT fk_areas_areas_parent_id FOREIGN KEY (parent_id) REFERENCES areas (id) ON DELETE RESTRICT,
    CONSTRAINT fk_areas_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_areas_organisation_id_code ON areas (organisation_id, code);

CREATE INDEX ix_areas_parent_id ON areas (parent_id);

CREATE INDEX ix_reference_postcodes_ward_code ON reference_postcodes (ward_code);


-- 0011 provider register: legal form, registration numbers, postcodes, size figures, VCSE, SIC codes, consortia (issue 5).
-- Written from `placeshaper db script --provider postgres --new` on 2026-11-25 (new columns on the existing providers
-- table are not listed by --new; they carry defaults for the rows already there); never edit once released.

ALTER TABLE providers ADD normalised_name character varying(300) NOT NULL DEFAULT '';

ALTER TABLE providers ADD legal_form character varying(40) NULL;

ALTER TABLE providers ADD company_number character varying(8) NULL;

ALTER TABLE providers ADD charity_number character varying(12) NULL;

ALTER TABLE providers ADD vat_number character varying(14) NULL;

ALTER TABLE providers ADD registered_postcode character varying(8) NULL;

ALTER TABLE providers ADD trading_postcode character varying(8) NULL;

ALTER TABLE providers ADD staff integer NULL;

ALTER TABLE providers ADD turnover bigint NULL;

ALTER TABLE providers ADD balance_sheet_total bigint NULL;

ALTER TABLE providers ADD is_vcse boolean NOT NULL DEFAULT FALSE;

ALTER TABLE providers ADD is_consortium boolean NOT NULL DEFAULT FALSE;

ALTER TABLE providers ADD sic_codes_stored character varying(40) NOT NULL DEFAULT '';

ALTER TABLE providers ADD updated_at timestamp with time zone NULL;

CREATE TABLE consortium_members (
    consortium_id uuid NOT NULL,
    member_id uuid NOT NULL,
    is_lead boolean NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_consortium_members PRIMARY KEY (consortium_id, member_id),
    CONSTRAINT fk_consortium_members_providers_consortium_id FOREIGN KEY (consortium_id) REFERENCES providers (id) ON DELETE CASCADE,
    CONSTRAINT fk_consortium_members_providers_member_id FOREIGN KEY (member_id) REFERENCES providers (id) ON DELETE RESTRICT
);

CREATE INDEX ix_consortium_members_member_id ON consortium_members (member_id);

CREATE INDEX ix_providers_organisation_id_charity_number ON providers (organisation_id, charity_number);

CREATE INDEX ix_providers_organisation_id_company_number ON providers (organisation_id, company_number);

CREATE INDEX ix_providers_organisation_id_normalised_name ON providers (organisation_id, normalised_name);

CREATE INDEX ix_providers_organisation_id_vat_number ON providers (organisation_id, vat_number);

-- 0024 supplier registrations: suppliers asking to use an organisation's portal, and the officer's decision on who they act for (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE supplier_registrations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    person_id uuid NOT NULL,
    contact_name character varying(200) NOT NULL,
    email character varying(256) NOT NULL,
    supplier_name character varying(300) NOT NULL,
    details_json character varying(4000) NOT NULL,
    status character varying(20) NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    provider_id uuid,
    reason character varying(2000) NOT NULL,
    decided_by uuid,
    decided_at timestamp with time zone,
    CONSTRAINT pk_supplier_registrations PRIMARY KEY (id),
    CONSTRAINT fk_supplier_registrations_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supplier_registrations_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supplier_registrations_providers_provider_id FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT
);

CREATE INDEX ix_supplier_registrations_organisation_id_status ON supplier_registrations (organisation_id, status);

CREATE INDEX ix_supplier_registrations_person_id ON supplier_registrations (person_id);

CREATE INDEX ix_supplier_registrations_provider_id ON supplier_registrations (provider_id);

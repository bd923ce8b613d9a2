-- 0026 tender documents: the procurement documents a buyer gives every bidder, and addenda added after publication (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE tender_documents (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    tender_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    kind character varying(30) NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    content bytea NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    is_addendum boolean NOT NULL,
    addendum_reason character varying(2000) NOT NULL,
    added_by uuid NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_tender_documents PRIMARY KEY (id),
    CONSTRAINT fk_tender_documents_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_tender_documents_people_added_by FOREIGN KEY (added_by) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_tender_documents_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
);

CREATE INDEX ix_tender_documents_added_by ON tender_documents (added_by);

CREATE INDEX ix_tender_documents_organisation_id ON tender_documents (organisation_id);

CREATE INDEX ix_tender_documents_tender_id_added_at ON tender_documents (tender_id, added_at);

-- 0012 tenders: drafts with their route to market, award criteria (questions with 0-5 descriptors), lots and timetable (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE tenders (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    programme_id uuid,
    reference character varying(50) NOT NULL,
    title character varying(300) NOT NULL,
    description character varying(8000) NOT NULL,
    kind character varying(30) NOT NULL,
    estimated_value bigint NOT NULL,
    route character varying(30) NOT NULL,
    route_reason character varying(2000) NOT NULL,
    price_weight numeric(5,2) NOT NULL,
    quality_weight numeric(5,2) NOT NULL,
    social_value_weight numeric(5,2) NOT NULL,
    social_value_waiver_reason character varying(2000) NOT NULL,
    suitable_for_sme boolean NOT NULL,
    suitable_for_vcse boolean NOT NULL,
    no_lots_reason character varying(2000) NOT NULL,
    clarification_deadline timestamp with time zone,
    submission_deadline timestamp with time zone,
    status character varying(20) NOT NULL,
    published_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_tenders PRIMARY KEY (id),
    CONSTRAINT fk_tenders_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_tenders_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE RESTRICT
);

CREATE TABLE tender_lots (
    id uuid NOT NULL,
    tender_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    number integer NOT NULL,
    title character varying(300) NOT NULL,
    estimated_value bigint NOT NULL,
    CONSTRAINT pk_tender_lots PRIMARY KEY (id),
    CONSTRAINT fk_tender_lots_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE CASCADE
);

CREATE TABLE tender_questions (
    id uuid NOT NULL,
    tender_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    text character varying(2000) NOT NULL,
    weight numeric(5,2) NOT NULL,
    descriptors character varying(3100) NOT NULL,
    "order" integer NOT NULL,
    CONSTRAINT pk_tender_questions PRIMARY KEY (id),
    CONSTRAINT fk_tender_questions_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_tender_lots_tender_id_number ON tender_lots (tender_id, number);

CREATE INDEX ix_tender_questions_tender_id ON tender_questions (tender_id);

CREATE UNIQUE INDEX ix_tenders_organisation_id_reference ON tenders (organisation_id, reference);

CREATE INDEX ix_tenders_programme_id ON tenders (programme_id);

-- 0031 councillors' scrutiny questions to officers, with every answer and follow-up on the record (issue 8).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE scrutiny_questions (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    number integer NOT NULL,
    title character varying(200) NOT NULL,
    subject character varying(20) NOT NULL,
    subject_id uuid,
    asked_by_person_id uuid NOT NULL,
    asked_by_name character varying(200) NOT NULL,
    asked_at timestamp with time zone NOT NULL,
    due_on date NOT NULL,
    status character varying(20) NOT NULL,
    closed_at timestamp with time zone,
    CONSTRAINT pk_scrutiny_questions PRIMARY KEY (id),
    CONSTRAINT fk_scrutiny_questions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_scrutiny_questions_organisation_id_number ON scrutiny_questions (organisation_id, number);
CREATE INDEX ix_scrutiny_questions_organisation_id_subject_subject_id ON scrutiny_questions (organisation_id, subject, subject_id);

CREATE TABLE scrutiny_entries (
    question_id uuid NOT NULL,
    number integer NOT NULL,
    organisation_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    text character varying(4000) NOT NULL,
    person_id uuid NOT NULL,
    person_name character varying(200) NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_scrutiny_entries PRIMARY KEY (question_id, number),
    CONSTRAINT fk_scrutiny_entries_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_scrutiny_entries_scrutiny_questions_question_id FOREIGN KEY (question_id) REFERENCES scrutiny_questions (id) ON DELETE CASCADE
);

CREATE INDEX ix_scrutiny_entries_organisation_id ON scrutiny_entries (organisation_id);


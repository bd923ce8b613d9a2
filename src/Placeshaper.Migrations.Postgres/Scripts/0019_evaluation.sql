-- 0019 evaluation: conflict declarations, the panel, independent scores and moderated consensus scores for a tender's opened bids (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE evaluations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    tender_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_evaluations PRIMARY KEY (id),
    CONSTRAINT fk_evaluations_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_evaluations_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
);

CREATE TABLE conflict_declarations (
    id uuid NOT NULL,
    evaluation_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    person_id uuid NOT NULL,
    has_conflict boolean NOT NULL,
    details character varying(4000) NOT NULL,
    declared_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_conflict_declarations PRIMARY KEY (id),
    CONSTRAINT fk_conflict_declarations_evaluations_evaluation_id FOREIGN KEY (evaluation_id) REFERENCES evaluations (id) ON DELETE CASCADE,
    CONSTRAINT fk_conflict_declarations_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT
);

CREATE TABLE panel_members (
    id uuid NOT NULL,
    evaluation_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    person_id uuid NOT NULL,
    appointed_at timestamp with time zone NOT NULL,
    submitted_at timestamp with time zone,
    stood_down boolean NOT NULL,
    CONSTRAINT pk_panel_members PRIMARY KEY (id),
    CONSTRAINT fk_panel_members_evaluations_evaluation_id FOREIGN KEY (evaluation_id) REFERENCES evaluations (id) ON DELETE CASCADE,
    CONSTRAINT fk_panel_members_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT
);

CREATE TABLE moderated_scores (
    id uuid NOT NULL,
    evaluation_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    bid_id uuid NOT NULL,
    question_id uuid NOT NULL,
    score integer NOT NULL,
    rationale character varying(4000) NOT NULL,
    moderated_by uuid NOT NULL,
    moderated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_moderated_scores PRIMARY KEY (id),
    CONSTRAINT fk_moderated_scores_bids_bid_id FOREIGN KEY (bid_id) REFERENCES bids (id) ON DELETE RESTRICT,
    CONSTRAINT fk_moderated_scores_evaluations_evaluation_id FOREIGN KEY (evaluation_id) REFERENCES evaluations (id) ON DELETE CASCADE,
    CONSTRAINT fk_moderated_scores_people_moderated_by FOREIGN KEY (moderated_by) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_moderated_scores_tender_questions_question_id FOREIGN KEY (question_id) REFERENCES tender_questions (id) ON DELETE RESTRICT
);

CREATE TABLE panel_scores (
    id uuid NOT NULL,
    evaluation_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    panel_member_id uuid NOT NULL,
    bid_id uuid NOT NULL,
    question_id uuid NOT NULL,
    score integer NOT NULL,
    reason character varying(4000) NOT NULL,
    CONSTRAINT pk_panel_scores PRIMARY KEY (id),
    CONSTRAINT fk_panel_scores_bids_bid_id FOREIGN KEY (bid_id) REFERENCES bids (id) ON DELETE RESTRICT,
    CONSTRAINT fk_panel_scores_evaluations_evaluation_id FOREIGN KEY (evaluation_id) REFERENCES evaluations (id) ON DELETE CASCADE,
    CONSTRAINT fk_panel_scores_panel_members_panel_member_id FOREIGN KEY (panel_member_id) REFERENCES panel_members (id) ON DELETE RESTRICT,
    CONSTRAINT fk_panel_scores_tender_questions_question_id FOREIGN KEY (question_id) REFERENCES tender_questions (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_conflict_declarations_evaluation_id_person_id ON conflict_declarations (evaluation_id, person_id);

CREATE INDEX ix_conflict_declarations_person_id ON conflict_declarations (person_id);

CREATE INDEX ix_evaluations_organisation_id ON evaluations (organisation_id);

CREATE UNIQUE INDEX ix_evaluations_tender_id ON evaluations (tender_id);

CREATE INDEX ix_moderated_scores_bid_id ON moderated_scores (bid_id);

CREATE UNIQUE INDEX ix_moderated_scores_evaluation_id_bid_id_question_id ON moderated_scores (evaluation_id, bid_id, question_id);

CREATE INDEX ix_moderated_scores_moderated_by ON moderated_scores (moderated_by);

CREATE INDEX ix_moderated_scores_question_id ON moderated_scores (question_id);

CREATE UNIQUE INDEX ix_panel_members_evaluation_id_person_id ON panel_members (evaluation_id, person_id);

CREATE INDEX ix_panel_members_person_id ON panel_members (person_id);

CREATE INDEX ix_panel_scores_bid_id ON panel_scores (bid_id);

CREATE INDEX ix_panel_scores_evaluation_id ON panel_scores (evaluation_id);

CREATE UNIQUE INDEX ix_panel_scores_panel_member_id_bid_id_question_id ON panel_scores (panel_member_id, bid_id, question_id);

CREATE INDEX ix_panel_scores_question_id ON panel_scores (question_id);


-- 0010 options appraisals: delivery models catalogue, appraisals with criteria, options, scores, costs, risks and due-diligence checks (issue 4).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE delivery_models (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    code character varying(60) NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(2000) NOT NULL,
    CONSTRAINT pk_delivery_models PRIMARY KEY (id),
    CONSTRAINT fk_delivery_models_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE appraisals (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    necessity character varying(8000) NOT NULL,
    discount_rate numeric(9,6) NOT NULL,
    optimism_bias numeric(9,6) NOT NULL,
    horizon_years integer NOT NULL,
    exit_strategy character varying(8000) NOT NULL,
    chosen_option_id uuid,
    decided_on date,
    decision_makers character varying(300) NOT NULL,
    decision_summary character varying(4000) NOT NULL,
    papers_url character varying(2000),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_appraisals PRIMARY KEY (id),
    CONSTRAINT fk_appraisals_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_appraisals_programmes_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);

CREATE TABLE appraisal_criteria (
    id uuid NOT NULL,
    appraisal_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(2000) NOT NULL,
    weight numeric(5,2) NOT NULL,
    "order" integer NOT NULL,
    CONSTRAINT pk_appraisal_criteria PRIMARY KEY (id),
    CONSTRAINT fk_appraisal_criteria_appraisals_appraisal_id FOREIGN KEY (appraisal_id) REFERENCES appraisals (id) ON DELETE CASCADE
);

CREATE TABLE appraisal_options (
    id uuid NOT NULL,
    appraisal_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    model_code character varying(60) NOT NULL,
    model_name character varying(200) NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(4000) NOT NULL,
    "order" integer NOT NULL,
    CONSTRAINT pk_appraisal_options PRIMARY KEY (id),
    CONSTRAINT fk_appraisal_options_appraisals_appraisal_id FOREIGN KEY (appraisal_id) REFERENCES appraisals (id) ON DELETE CASCADE
);

CREATE TABLE due_diligence_checks (
    id uuid NOT NULL,
    appraisal_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    item character varying(500) NOT NULL,
    source character varying(500) NOT NULL,
    done boolean NOT NULL,
    note character varying(2000) NOT NULL,
    "order" integer NOT NULL,
    CONSTRAINT pk_due_diligence_checks PRIMARY KEY (id),
    CONSTRAINT fk_due_diligence_checks_appraisals_appraisal_id FOREIGN KEY (appraisal_id) REFERENCES appraisals (id) ON DELETE CASCADE
);

CREATE TABLE appraisal_costs (
    option_id uuid NOT NULL,
    year integer NOT NULL,
    organisation_id uuid NOT NULL,
    amount bigint NOT NULL,
    CONSTRAINT pk_appraisal_costs PRIMARY KEY (option_id, year),
    CONSTRAINT fk_appraisal_costs_appraisal_options_option_id FOREIGN KEY (option_id) REFERENCES appraisal_options (id) ON DELETE CASCADE
);

CREATE TABLE appraisal_risks (
    id uuid NOT NULL,
    option_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    description character varying(1000) NOT NULL,
    likelihood integer NOT NULL,
    impact integer NOT NULL,
    mitigation character varying(2000) NOT NULL,
    owner character varying(200) NOT NULL,
    CONSTRAINT pk_appraisal_risks PRIMARY KEY (id),
    CONSTRAINT fk_appraisal_risks_appraisal_options_option_id FOREIGN KEY (option_id) REFERENCES appraisal_options (id) ON DELETE CASCADE
);

CREATE TABLE appraisal_scores (
    option_id uuid NOT NULL,
    criterion_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    score numeric(4,1) NOT NULL,
    rationale character varying(4000) NOT NULL,
    evidence character varying(4000) NOT NULL,
    CONSTRAINT pk_appraisal_scores PRIMARY KEY (option_id, criterion_id),
    CONSTRAINT fk_appraisal_scores_appraisal_criteria_criterion_id FOREIGN KEY (criterion_id) REFERENCES appraisal_criteria (id) ON DELETE CASCADE,
    CONSTRAINT fk_appraisal_scores_appraisal_options_option_id FOREIGN KEY (option_id) REFERENCES appraisal_options (id) ON DELETE CASCADE
);

CREATE INDEX ix_appraisal_criteria_appraisal_id ON appraisal_criteria (appraisal_id);

CREATE INDEX ix_appraisal_options_appraisal_id ON appraisal_options (appraisal_id);

CREATE INDEX ix_appraisal_risks_option_id ON appraisal_risks (option_id);

CREATE INDEX ix_appraisal_scores_criterion_id ON appraisal_scores (criterion_id);

CREATE INDEX ix_appraisals_organisation_id ON appraisals (organisation_id);

CREATE INDEX ix_appraisals_programme_id_created_at ON appraisals (programme_id, created_at);

CREATE UNIQUE INDEX ix_delivery_models_organisation_id_code ON delivery_models (organisation_id, code);

CREATE INDEX ix_due_diligence_checks_appraisal_id ON due_diligence_checks (appraisal_id);


-- 0020 award decisions: the decision to award each lot, the ranking it rests on, the standstill it starts and the award (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE award_decisions (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    tender_id uuid NOT NULL,
    lot_id uuid,
    bid_id uuid NOT NULL,
    supplier character varying(300) NOT NULL,
    value bigint NOT NULL,
    abnormally_low_explanation character varying(4000) NOT NULL,
    ranking text NOT NULL,
    decided_by uuid NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    notice_published_on date NOT NULL,
    standstill_ends_on date NOT NULL,
    status character varying(20) NOT NULL,
    awarded_at timestamp with time zone,
    awarded_by uuid,
    CONSTRAINT pk_award_decisions PRIMARY KEY (id),
    CONSTRAINT fk_award_decisions_bids_bid_id FOREIGN KEY (bid_id) REFERENCES bids (id) ON DELETE RESTRICT,
    CONSTRAINT fk_award_decisions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_award_decisions_people_decided_by FOREIGN KEY (decided_by) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_award_decisions_tenders_tender_id FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
);

CREATE INDEX ix_award_decisions_bid_id ON award_decisions (bid_id);

CREATE INDEX ix_award_decisions_decided_by ON award_decisions (decided_by);

CREATE INDEX ix_award_decisions_organisation_id ON award_decisions (organisation_id);

CREATE UNIQUE INDEX ix_award_decisions_tender_id_lot_id ON award_decisions (tender_id, lot_id);


-- 0020 award decisions: the decision to award each lot, the ranking it rests on, the standstill it starts and the award (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "award_decisions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_award_decisions" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "tender_id" TEXT NOT NULL,
    "lot_id" TEXT NULL,
    "bid_id" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "abnormally_low_explanation" TEXT NOT NULL,
    "ranking" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_at" TEXT NOT NULL,
    "notice_published_on" TEXT NOT NULL,
    "standstill_ends_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "awarded_at" TEXT NULL,
    "awarded_by" TEXT NULL,
    CONSTRAINT "fk_award_decisions_bids_bid_id" FOREIGN KEY ("bid_id") REFERENCES "bids" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_award_decisions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_award_decisions_people_decided_by" FOREIGN KEY ("decided_by") REFERENCES "people" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_award_decisions_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_award_decisions_bid_id" ON "award_decisions" ("bid_id");

CREATE INDEX "ix_award_decisions_decided_by" ON "award_decisions" ("decided_by");

CREATE INDEX "ix_award_decisions_organisation_id" ON "award_decisions" ("organisation_id");

CREATE UNIQUE INDEX "ix_award_decisions_tender_id_lot_id" ON "award_decisions" ("tender_id", "lot_id");


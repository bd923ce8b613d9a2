-- 0013 market engagement: early engagement with providers and community right to challenge expressions of interest (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "engagement_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_engagement_events" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "held_on" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "providers" INTEGER NOT NULL,
    "small_or_voluntary_providers" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_engagement_events_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_engagement_events_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);

CREATE TABLE "rights_to_challenge" (
    "id" TEXT NOT NULL CONSTRAINT "pk_rights_to_challenge" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "challenger" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "received_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decided_on" TEXT NULL,
    "reasons" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_rights_to_challenge_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_rights_to_challenge_programmes_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_engagement_events_organisation_id" ON "engagement_events" ("organisation_id");

CREATE INDEX "ix_engagement_events_programme_id_held_on" ON "engagement_events" ("programme_id", "held_on");

CREATE INDEX "ix_rights_to_challenge_organisation_id" ON "rights_to_challenge" ("organisation_id");

CREATE INDEX "ix_rights_to_challenge_programme_id_received_on" ON "rights_to_challenge" ("programme_id", "received_on");

-- 0030 residents' reviews of the services an organisation commissions, and the outbox of emails they need (issue 8).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "outbound_emails" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outbound_emails" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    CONSTRAINT "fk_outbound_emails_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_outbound_emails_created_at" ON "outbound_emails" ("created_at");
CREATE INDEX "ix_outbound_emails_organisation_id" ON "outbound_emails" ("organisation_id");

CREATE TABLE "reviews" (
    "id" TEXT NOT NULL CONSTRAINT "pk_reviews" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "contract_id" TEXT NULL,
    "quality" INTEGER NOT NULL,
    "reliability" INTEGER NOT NULL,
    "respect" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "email_hash" TEXT NOT NULL,
    "sender_hash" TEXT NOT NULL,
    "confirmation_token_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "held_because" TEXT NOT NULL,
    "moderation_note" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "confirmed_at" TEXT NULL,
    "moderated_at" TEXT NULL,
    "published_at" TEXT NULL,
    "reply" TEXT NOT NULL,
    "replied_at" TEXT NULL,
    CONSTRAINT "fk_reviews_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_reviews_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_reviews_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_reviews_confirmation_token_hash" ON "reviews" ("confirmation_token_hash");
CREATE INDEX "ix_reviews_contract_id" ON "reviews" ("contract_id");
CREATE INDEX "ix_reviews_email_hash_provider_id" ON "reviews" ("email_hash", "provider_id");
CREATE INDEX "ix_reviews_organisation_id_provider_id_status" ON "reviews" ("organisation_id", "provider_id", "status");
CREATE INDEX "ix_reviews_organisation_id_status_submitted_at" ON "reviews" ("organisation_id", "status", "submitted_at");
CREATE INDEX "ix_reviews_provider_id" ON "reviews" ("provider_id");
CREATE INDEX "ix_reviews_sender_hash_submitted_at" ON "reviews" ("sender_hash", "submitted_at");


-- 0001 foundation: organisations, people, memberships, providers (minimal), API tokens, audit trail.
-- Generated from the model with `placeshaper db script --provider sqlite` on 2026-11-21; never edit once released.

CREATE TABLE "audit_entries" (
    "sequence" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "organisation_id" TEXT NULL,
    "actor_id" TEXT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);


CREATE TABLE "audit_head" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_head" PRIMARY KEY,
    "last_sequence" INTEGER NOT NULL,
    "last_hash" TEXT NOT NULL
);


CREATE TABLE "organisations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_organisations" PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);


CREATE TABLE "people" (
    "id" TEXT NOT NULL CONSTRAINT "pk_people" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "is_demo" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);


CREATE TABLE "providers" (
    "id" TEXT NOT NULL CONSTRAINT "pk_providers" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_providers_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);


CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_tokens" PRIMARY KEY,
    "person_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "organisation_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "fk_api_tokens_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_api_tokens_people_person_id" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE CASCADE
);


CREATE TABLE "person_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_person_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_person_claims_people_user_id" FOREIGN KEY ("user_id") REFERENCES "people" ("id") ON DELETE CASCADE
);


CREATE TABLE "person_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_person_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_person_logins_people_user_id" FOREIGN KEY ("user_id") REFERENCES "people" ("id") ON DELETE CASCADE
);


CREATE TABLE "person_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_person_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_person_tokens_people_user_id" FOREIGN KEY ("user_id") REFERENCES "people" ("id") ON DELETE CASCADE
);


CREATE TABLE "memberships" (
    "id" TEXT NOT NULL CONSTRAINT "pk_memberships" PRIMARY KEY,
    "person_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "provider_id" TEXT NULL,
    "granted_at" TEXT NOT NULL,
    CONSTRAINT "fk_memberships_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_memberships_people_person_id" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_memberships_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT
);


CREATE INDEX "ix_api_tokens_organisation_id" ON "api_tokens" ("organisation_id");


CREATE INDEX "ix_api_tokens_person_id" ON "api_tokens" ("person_id");


CREATE UNIQUE INDEX "ix_api_tokens_secret_hash" ON "api_tokens" ("secret_hash");


CREATE INDEX "ix_audit_entries_organisation_id_sequence" ON "audit_entries" ("organisation_id", "sequence");


CREATE INDEX "ix_memberships_organisation_id" ON "memberships" ("organisation_id");


CREATE UNIQUE INDEX "ix_memberships_person_id_organisation_id_role" ON "memberships" ("person_id", "organisation_id", "role");


CREATE INDEX "ix_memberships_provider_id" ON "memberships" ("provider_id");


CREATE UNIQUE INDEX "ix_organisations_slug" ON "organisations" ("slug");


CREATE INDEX "email_index" ON "people" ("normalized_email");


CREATE UNIQUE INDEX "user_name_index" ON "people" ("normalized_user_name");


CREATE INDEX "ix_person_claims_user_id" ON "person_claims" ("user_id");


CREATE INDEX "ix_person_logins_user_id" ON "person_logins" ("user_id");


CREATE INDEX "ix_providers_organisation_id_name" ON "providers" ("organisation_id", "name");



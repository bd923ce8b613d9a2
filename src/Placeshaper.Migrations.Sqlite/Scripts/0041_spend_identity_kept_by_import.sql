-- 0041 payments indexed in the order they are written, (organisation, import, line), instead of by identity; each ledger records its identity scheme (issue 7, performance; ADR 0025).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22, the column's default for ledgers already open written by hand; never edit once released.

-- Ledgers opened before this migration keep SHA-256 identities, so their files re-imported still match.
ALTER TABLE "spend_ledgers" ADD "identity_scheme" INTEGER NOT NULL DEFAULT 1;

DROP INDEX "ix_spend_payments_organisation_number_identity_key";

CREATE UNIQUE INDEX "ix_spend_payments_organisation_number_import_number_line" ON "spend_payments" ("organisation_number", "import_number", "line");

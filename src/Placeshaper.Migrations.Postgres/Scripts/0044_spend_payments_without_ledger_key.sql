-- 0044 payments lose their foreign key to the ledger, which the import keeps by taking the number from the ledger's row in its own transaction (issue 7, performance; ADR 0025).
-- Written by hand on 2026-11-22 (`placeshaper db script --provider postgres --new` lists no dropped constraints); never edit once released.

ALTER TABLE spend_payments DROP CONSTRAINT fk_spend_payments_spend_ledgers_organisation_number;

-- 0045 spend totals lose their foreign keys to organisations: the import alone writes them, for the organisation whose ledger it holds, and organisations are never deleted; the check was a trigger per row (issue 7, performance; ADR 0026).
-- Written by hand on 2026-11-22 (`placeshaper db script --provider postgres --new` lists no dropped constraints); never edit once released.

ALTER TABLE spend_supplier_months DROP CONSTRAINT fk_spend_supplier_months_organisations_organisation_id;
ALTER TABLE spend_days DROP CONSTRAINT fk_spend_days_organisations_organisation_id;
ALTER TABLE spend_day_categories DROP CONSTRAINT fk_spend_day_categories_organisations_organisation_id;
ALTER TABLE spend_supplier_days DROP CONSTRAINT fk_spend_supplier_days_organisations_organisation_id;

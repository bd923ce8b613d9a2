-- 0047 payments are keyed by their organisation, import and line, the index they already had, and lose their generated id (issue 7, performance; ADR 0028).
-- Written by hand on 2026-11-23; never edit once released. The view gives each payment an id from its import and line.

DROP VIEW spend_transactions;

ALTER TABLE spend_payments DROP CONSTRAINT pk_spend_payments;
ALTER TABLE spend_payments DROP COLUMN id;
ALTER TABLE spend_payments ADD CONSTRAINT pk_spend_payments PRIMARY KEY USING INDEX ix_spend_payments_organisation_number_import_number_line;

-- The payments as they were read before. A payment's id is its import's number and its line, as one number: unique
-- within the organisation, in the order payments were written (the ids before were, too).
CREATE VIEW spend_transactions AS
SELECT p.import_number::bigint * 4294967296 + p.line AS id, l.organisation_id, i.id AS import_id, p.line, p.date, p.month, p.amount, s.supplier_name, s.supplier_key,
    p.redacted, p.transaction_number, e.service_area, e.expense_type, p.description, p.company_number, p.vat_number, p.postcode, p.identity_key
FROM spend_payments AS p
JOIN spend_ledgers AS l ON l.number = p.organisation_number
LEFT JOIN spend_imports AS i ON i.organisation_id = l.organisation_id AND i.number = p.import_number
LEFT JOIN spend_supplier_names AS s ON s.organisation_number = p.organisation_number AND s.number = p.supplier_number
LEFT JOIN spend_service_expenses AS e ON e.organisation_number = p.organisation_number AND e.number = p.service_expense_number;

-- 0046 payments carry their supplier as written and their service area and expense type as numbers into two small per-organisation tables, spend_supplier_names and spend_service_expenses, rather than four texts; the view gives the texts back (issue 7, performance; ADR 0027).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22, the numbering, the data copy and the view written by hand; never edit once released.

CREATE TABLE spend_supplier_names (
    organisation_number integer NOT NULL,
    number integer NOT NULL,
    supplier_name character varying(500),
    supplier_key character varying(500) NOT NULL,
    CONSTRAINT pk_spend_supplier_names PRIMARY KEY (organisation_number, number)
);

CREATE TABLE spend_service_expenses (
    organisation_number integer NOT NULL,
    number integer NOT NULL,
    service_area character varying(500),
    expense_type character varying(500),
    CONSTRAINT pk_spend_service_expenses PRIMARY KEY (organisation_number, number)
);

-- Each organisation's distinct names, numbered from 1 (DISTINCT takes two NULLs as one, as the import does).
INSERT INTO spend_supplier_names (organisation_number, number, supplier_name, supplier_key)
SELECT organisation_number, row_number() OVER (PARTITION BY organisation_number ORDER BY supplier_key, supplier_name)::integer, supplier_name, supplier_key
FROM (SELECT DISTINCT organisation_number, supplier_name, supplier_key FROM spend_payments) AS names;

INSERT INTO spend_service_expenses (organisation_number, number, service_area, expense_type)
SELECT organisation_number, row_number() OVER (PARTITION BY organisation_number ORDER BY service_area, expense_type)::integer, service_area, expense_type
FROM (SELECT DISTINCT organisation_number, service_area, expense_type FROM spend_payments) AS names;

DROP VIEW spend_transactions;

ALTER TABLE spend_payments ADD supplier_number integer;
ALTER TABLE spend_payments ADD service_expense_number integer;

-- Statistics first: without them the planner takes the new tables for a few rows each and joins every payment to
-- every supplier's name in a loop, minutes for a million payments. IS NOT DISTINCT FROM matches NULL with NULL but
-- cannot key a hash join; the COALESCE equalities can, and the IS NOT DISTINCT FROM terms then tell NULL from ''.
ANALYZE spend_payments;
ANALYZE spend_supplier_names;
ANALYZE spend_service_expenses;

UPDATE spend_payments AS p SET supplier_number = s.number, service_expense_number = e.number
FROM spend_supplier_names AS s, spend_service_expenses AS e
WHERE s.organisation_number = p.organisation_number AND s.supplier_key = p.supplier_key
    AND COALESCE(s.supplier_name, '') = COALESCE(p.supplier_name, '') AND s.supplier_name IS NOT DISTINCT FROM p.supplier_name
    AND e.organisation_number = p.organisation_number
    AND COALESCE(e.service_area, '') = COALESCE(p.service_area, '') AND e.service_area IS NOT DISTINCT FROM p.service_area
    AND COALESCE(e.expense_type, '') = COALESCE(p.expense_type, '') AND e.expense_type IS NOT DISTINCT FROM p.expense_type;

ALTER TABLE spend_payments ALTER COLUMN supplier_number SET NOT NULL;
ALTER TABLE spend_payments ALTER COLUMN service_expense_number SET NOT NULL;
ALTER TABLE spend_payments DROP COLUMN supplier_name;
ALTER TABLE spend_payments DROP COLUMN supplier_key;
ALTER TABLE spend_payments DROP COLUMN service_area;
ALTER TABLE spend_payments DROP COLUMN expense_type;

-- The payments as they were read before. Every payment has its names, so the left joins (on the names' keys) change
-- no row, and let PostgreSQL leave out a join whose columns a query does not read.
CREATE VIEW spend_transactions AS
SELECT p.id, l.organisation_id, i.id AS import_id, p.line, p.date, p.month, p.amount, s.supplier_name, s.supplier_key,
    p.redacted, p.transaction_number, e.service_area, e.expense_type, p.description, p.company_number, p.vat_number, p.postcode, p.identity_key
FROM spend_payments AS p
JOIN spend_ledgers AS l ON l.number = p.organisation_number
LEFT JOIN spend_imports AS i ON i.organisation_id = l.organisation_id AND i.number = p.import_number
LEFT JOIN spend_supplier_names AS s ON s.organisation_number = p.organisation_number AND s.number = p.supplier_number
LEFT JOIN spend_service_expenses AS e ON e.organisation_number = p.organisation_number AND e.number = p.service_expense_number;

-- 0033 spend totals per day and per day and supplier, kept at import, so that summaries read totals rather than
-- payments; the (organisation, date) index on payments goes, as nothing reads payments by date now (issue 7).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.
-- The totals of payments already held are filled in from them.

DROP INDEX ix_spend_transactions_organisation_id_date;

CREATE TABLE spend_days (
    organisation_id uuid NOT NULL,
    date date NOT NULL,
    total bigint NOT NULL,
    transactions integer NOT NULL,
    CONSTRAINT pk_spend_days PRIMARY KEY (organisation_id, date),
    CONSTRAINT fk_spend_days_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE spend_supplier_days (
    organisation_id uuid NOT NULL,
    date date NOT NULL,
    supplier_key character varying(500) NOT NULL,
    company_number character varying(40) NOT NULL,
    total bigint NOT NULL,
    transactions integer NOT NULL,
    CONSTRAINT pk_spend_supplier_days PRIMARY KEY (organisation_id, date, supplier_key, company_number),
    CONSTRAINT fk_spend_supplier_days_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

INSERT INTO spend_days (organisation_id, date, total, transactions)
SELECT organisation_id, date, SUM(amount), COUNT(*) FROM spend_transactions GROUP BY organisation_id, date;

INSERT INTO spend_supplier_days (organisation_id, date, supplier_key, company_number, total, transactions)
SELECT organisation_id, date, supplier_key, COALESCE(company_number, ''), SUM(amount), COUNT(*) FROM spend_transactions
GROUP BY organisation_id, date, supplier_key, COALESCE(company_number, '');

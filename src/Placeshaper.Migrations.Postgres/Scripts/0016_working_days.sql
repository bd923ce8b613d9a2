-- 0016 working days: the UK's bank holidays from GOV.UK's bank-holidays.json, and the Procurement Act 2023 s.54 minimum periods an administrator imports (issue 5).
-- Generated with `placeshaper db script --provider postgres --new` on 2026-11-22; never edit once released.

CREATE TABLE bank_holidays (
    division character varying(20) NOT NULL,
    date date NOT NULL,
    title character varying(200) NOT NULL,
    notes character varying(200) NOT NULL,
    source character varying(500) NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_bank_holidays PRIMARY KEY (division, date)
);

CREATE TABLE minimum_periods (
    id uuid NOT NULL,
    route character varying(40) NOT NULL,
    case_code character varying(40) NOT NULL,
    period character varying(20) NOT NULL,
    minimum_days integer NOT NULL,
    counting character varying(10) NOT NULL,
    applies_from date NOT NULL,
    applies_to date,
    source character varying(500) NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_minimum_periods PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_minimum_periods_route_case_code_period_applies_from ON minimum_periods (route, case_code, period, applies_from);

-- 0040 a contract's service category, so that its approved KPI values and residents' ratings count as live benchmark figures (issue 8).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

ALTER TABLE "contracts" ADD "service_category" TEXT NULL;

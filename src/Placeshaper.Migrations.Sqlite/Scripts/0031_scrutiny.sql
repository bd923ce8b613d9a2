-- 0031 councillors' scrutiny questions to officers, with every answer and follow-up on the record (issue 8).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "scrutiny_questions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_scrutiny_questions" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "subject_id" TEXT NULL,
    "asked_by_person_id" TEXT NOT NULL,
    "asked_by_name" TEXT NOT NULL,
    "asked_at" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    CONSTRAINT "fk_scrutiny_questions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_scrutiny_questions_organisation_id_number" ON "scrutiny_questions" ("organisation_id", "number");
CREATE INDEX "ix_scrutiny_questions_organisation_id_subject_subject_id" ON "scrutiny_questions" ("organisation_id", "subject", "subject_id");

CREATE TABLE "scrutiny_entries" (
    "question_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "person_name" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "pk_scrutiny_entries" PRIMARY KEY ("question_id", "number"),
    CONSTRAINT "fk_scrutiny_entries_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_scrutiny_entries_scrutiny_questions_question_id" FOREIGN KEY ("question_id") REFERENCES "scrutiny_questions" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_scrutiny_entries_organisation_id" ON "scrutiny_entries" ("organisation_id");


-- 0026 tender documents: the procurement documents a buyer gives every bidder, and addenda added after publication (issue 5).
-- Generated with `placeshaper db script --provider sqlite --new` on 2026-11-22; never edit once released.

CREATE TABLE "tender_documents" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tender_documents" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "tender_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "is_addendum" INTEGER NOT NULL,
    "addendum_reason" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "added_at" TEXT NOT NULL,
    CONSTRAINT "fk_tender_documents_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_tender_documents_people_added_by" FOREIGN KEY ("added_by") REFERENCES "people" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_tender_documents_tenders_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_tender_documents_added_by" ON "tender_documents" ("added_by");

CREATE INDEX "ix_tender_documents_organisation_id" ON "tender_documents" ("organisation_id");

CREATE INDEX "ix_tender_documents_tender_id_added_at" ON "tender_documents" ("tender_id", "added_at");

-- 0002 Imports (SQLite): uploaded files awaiting confirmation, and which import created each project.

CREATE TABLE "import_batches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_import_batches" PRIMARY KEY AUTOINCREMENT,
    "FileName" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Layout" TEXT NULL,
    "ProjectCount" INTEGER NOT NULL,
    "IndicatorCount" INTEGER NOT NULL,
    "ErrorCount" INTEGER NOT NULL,
    "WarningCount" INTEGER NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_import_batches_UploadedBy" ON "import_batches" ("UploadedBy");

ALTER TABLE "projects" ADD COLUMN "ImportBatchId" INTEGER NULL;

CREATE INDEX "IX_projects_ImportBatchId" ON "projects" ("ImportBatchId");

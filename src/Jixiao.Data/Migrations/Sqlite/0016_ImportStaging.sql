-- 0016 ImportStaging (SQLite): a large import is written in several short transactions, its rows hidden until the last
-- one makes them all visible at once (docs/import.md, "Confirming"). StagingBatchId names the import batch whose rows
-- these still are (null: visible, as every row before this migration); StagingSince marks the batch being written.
ALTER TABLE "projects" ADD COLUMN "StagingBatchId" INTEGER NULL;
ALTER TABLE "units" ADD COLUMN "StagingBatchId" INTEGER NULL;
ALTER TABLE "import_batches" ADD COLUMN "StagingSince" TEXT NULL;
CREATE INDEX "IX_projects_StagingBatchId" ON "projects" ("StagingBatchId") WHERE "StagingBatchId" IS NOT NULL;
CREATE INDEX "IX_units_StagingBatchId" ON "units" ("StagingBatchId") WHERE "StagingBatchId" IS NOT NULL;

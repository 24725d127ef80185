-- 0010 ImportYear (SQLite): the 预算年度 an uploader chose for a table whose title states none; the preview and the
-- confirmed import read the stored file again with it.
ALTER TABLE "import_batches" ADD COLUMN "FiscalYear" INTEGER NULL;

-- 0006 NameGrams (SQLite): an index for substring search of project names that works for one- and two-character
-- Chinese queries (FTS5's trigram tokenizer needs three). Each project has one row per distinct character and per
-- distinct pair of adjacent characters of its name. A query's candidates are the projects that have all its pairs
-- (or its one character); the exact substring test then runs on those candidates only, so results do not change.
-- Triggers keep the table current on every write, whatever the code path. Rows of a deleted project are removed too,
-- but a stale row could only add a candidate, never hide a match.

CREATE TABLE "project_name_grams" (
    "Gram" TEXT NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    CONSTRAINT "PK_project_name_grams" PRIMARY KEY ("Gram", "ProjectId")
) WITHOUT ROWID;

CREATE INDEX "IX_project_name_grams_ProjectId" ON "project_name_grams" ("ProjectId");

-- Character positions 1..4096 for cutting names into pieces (a trigger cannot use a recursive WITH).
CREATE TABLE "name_gram_positions" ("N" INTEGER NOT NULL PRIMARY KEY);

INSERT INTO "name_gram_positions" ("N")
SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 1
FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
      UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS a,
     (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
      UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS b,
     (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
      UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS c,
     (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS e
WHERE a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 1 <= 4096;

CREATE TRIGGER "projects_name_grams_insert" AFTER INSERT ON "projects"
BEGIN
    SELECT RAISE(ABORT, '项目名称超过 4096 个字符') WHERE length(NEW."Name") > 4096;
    INSERT OR IGNORE INTO "project_name_grams" ("Gram", "ProjectId")
    SELECT substr(NEW."Name", p."N", 1), NEW."Id" FROM "name_gram_positions" AS p WHERE p."N" <= length(NEW."Name");
    INSERT OR IGNORE INTO "project_name_grams" ("Gram", "ProjectId")
    SELECT substr(NEW."Name", p."N", 2), NEW."Id" FROM "name_gram_positions" AS p WHERE p."N" < length(NEW."Name");
END;

CREATE TRIGGER "projects_name_grams_update" AFTER UPDATE OF "Name", "Id" ON "projects"
BEGIN
    SELECT RAISE(ABORT, '项目名称超过 4096 个字符') WHERE length(NEW."Name") > 4096;
    DELETE FROM "project_name_grams" WHERE "ProjectId" = OLD."Id";
    INSERT OR IGNORE INTO "project_name_grams" ("Gram", "ProjectId")
    SELECT substr(NEW."Name", p."N", 1), NEW."Id" FROM "name_gram_positions" AS p WHERE p."N" <= length(NEW."Name");
    INSERT OR IGNORE INTO "project_name_grams" ("Gram", "ProjectId")
    SELECT substr(NEW."Name", p."N", 2), NEW."Id" FROM "name_gram_positions" AS p WHERE p."N" < length(NEW."Name");
END;

CREATE TRIGGER "projects_name_grams_delete" AFTER DELETE ON "projects"
BEGIN
    DELETE FROM "project_name_grams" WHERE "ProjectId" = OLD."Id";
END;

-- Backfill the projects that exist already.
INSERT OR IGNORE INTO "project_name_grams" ("Gram", "ProjectId")
SELECT substr(pr."Name", p."N", 1), pr."Id" FROM "projects" AS pr JOIN "name_gram_positions" AS p ON p."N" <= length(pr."Name");

INSERT OR IGNORE INTO "project_name_grams" ("Gram", "ProjectId")
SELECT substr(pr."Name", p."N", 2), pr."Id" FROM "projects" AS pr JOIN "name_gram_positions" AS p ON p."N" < length(pr."Name");

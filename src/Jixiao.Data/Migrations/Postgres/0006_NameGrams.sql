-- 0006 NameGrams (PostgreSQL): an index for substring search of project names that works for one- and two-character
-- Chinese queries (pg_trgm needs three). Each project has one row per distinct character and per distinct pair of
-- adjacent characters of its name. A query's candidates are the projects that have all its pairs (or its one
-- character); the exact substring test then runs on those candidates only, so results do not change. A trigger keeps
-- the table current on every write, whatever the code path; a stale row could only add a candidate, never hide a match.

CREATE TABLE project_name_grams (
    "Gram" character varying(2) NOT NULL,
    "ProjectId" integer NOT NULL,
    CONSTRAINT "PK_project_name_grams" PRIMARY KEY ("Gram", "ProjectId")
);

CREATE INDEX "IX_project_name_grams_ProjectId" ON project_name_grams ("ProjectId");

CREATE FUNCTION project_name_grams_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM project_name_grams WHERE "ProjectId" = OLD."Id";
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO project_name_grams ("Gram", "ProjectId")
        SELECT DISTINCT substr(NEW."Name", n, k), NEW."Id"
        FROM generate_series(1, length(NEW."Name")) AS n, (VALUES (1), (2)) AS g(k)
        WHERE n + k - 1 <= length(NEW."Name");
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER projects_name_grams_insert AFTER INSERT ON projects
    FOR EACH ROW EXECUTE FUNCTION project_name_grams_write();

CREATE TRIGGER projects_name_grams_update AFTER UPDATE OF "Name", "Id" ON projects
    FOR EACH ROW EXECUTE FUNCTION project_name_grams_write();

CREATE TRIGGER projects_name_grams_delete AFTER DELETE ON projects
    FOR EACH ROW EXECUTE FUNCTION project_name_grams_write();

-- Backfill the projects that exist already.
INSERT INTO project_name_grams ("Gram", "ProjectId")
SELECT DISTINCT substr(pr."Name", n, k), pr."Id"
FROM projects AS pr, generate_series(1, length(pr."Name")) AS n, (VALUES (1), (2)) AS g(k)
WHERE n + k - 1 <= length(pr."Name");

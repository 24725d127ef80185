-- 0009 GradeStamps (SQLite): the 项目 list filters by the grade of a project's latest graded evaluation, so what it
-- keeps under the 'projects' change stamp must go stale when a grade changes: a new or deleted evaluation, or an update
-- that changes "Grade" (scoring a line without changing the grade leaves the stamp alone).
CREATE TRIGGER "evaluations_change_stamp_insert" AFTER INSERT ON "evaluations"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

CREATE TRIGGER "evaluations_change_stamp_grade" AFTER UPDATE OF "Grade" ON "evaluations" WHEN OLD."Grade" IS NOT NEW."Grade"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

CREATE TRIGGER "evaluations_change_stamp_delete" AFTER DELETE ON "evaluations"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

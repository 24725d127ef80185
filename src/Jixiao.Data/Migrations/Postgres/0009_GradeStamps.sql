-- 0009 GradeStamps (PostgreSQL): the 项目 list filters by the grade of a project's latest graded evaluation, so what
-- it keeps under the 'projects' change stamp must go stale when a grade changes: a new or deleted evaluation, or an
-- update that changes "Grade" (scoring a line without changing the grade leaves the stamp alone). Row-level for the
-- update, so the grade's old and new values can be compared.
CREATE TRIGGER evaluations_change_stamp AFTER INSERT OR DELETE OR TRUNCATE ON evaluations
    FOR EACH STATEMENT EXECUTE FUNCTION change_stamps_bump('projects');

CREATE TRIGGER evaluations_change_stamp_grade AFTER UPDATE OF "Grade" ON evaluations
    FOR EACH ROW WHEN (OLD."Grade" IS DISTINCT FROM NEW."Grade") EXECUTE FUNCTION change_stamps_bump('projects');

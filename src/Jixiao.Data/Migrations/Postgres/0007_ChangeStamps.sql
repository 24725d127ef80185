-- 0007 ChangeStamps (PostgreSQL): a counter per kind of data that moves with every write, in the same transaction as
-- the write (a row update, not a sequence: a sequence moves before the commit is visible, and a reader could then
-- keep an old count under the new stamp), so an instance can keep what it computed from that data (the 项目 list's
-- match counts) and know when it is stale by reading one row. Statement-level triggers: an import of thousands of
-- rows moves it once per statement. 'projects' moves with any change to projects or units.
CREATE TABLE change_stamps (
    "Name" character varying(50) NOT NULL,
    "Value" bigint NOT NULL,
    CONSTRAINT "PK_change_stamps" PRIMARY KEY ("Name")
);

INSERT INTO change_stamps ("Name", "Value") VALUES ('projects', 1);

CREATE FUNCTION change_stamps_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_stamps SET "Value" = "Value" + 1 WHERE "Name" = TG_ARGV[0];
    RETURN NULL;
END;
$$;

CREATE TRIGGER projects_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION change_stamps_bump('projects');

CREATE TRIGGER units_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
    FOR EACH STATEMENT EXECUTE FUNCTION change_stamps_bump('projects');

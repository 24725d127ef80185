-- 0007 ChangeStamps (SQLite): a counter per kind of data that moves with every write, in the same transaction as the
-- write, so an instance can keep what it computed from that data (the 项目 list's match counts) and know when it is
-- stale by reading one row. Kept by triggers, so every write path (EF, imports, raw SQL, the generators) moves it.
-- 'projects' moves with any change to projects or units (the list filters and searches both).
CREATE TABLE "change_stamps" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_change_stamps" PRIMARY KEY,
    "Value" INTEGER NOT NULL
);

INSERT INTO "change_stamps" ("Name", "Value") VALUES ('projects', 1);

CREATE TRIGGER "projects_change_stamp_insert" AFTER INSERT ON "projects"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

CREATE TRIGGER "projects_change_stamp_update" AFTER UPDATE ON "projects"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

CREATE TRIGGER "projects_change_stamp_delete" AFTER DELETE ON "projects"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

CREATE TRIGGER "units_change_stamp_insert" AFTER INSERT ON "units"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

CREATE TRIGGER "units_change_stamp_update" AFTER UPDATE ON "units"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

CREATE TRIGGER "units_change_stamp_delete" AFTER DELETE ON "units"
BEGIN
    UPDATE "change_stamps" SET "Value" = "Value" + 1 WHERE "Name" = 'projects';
END;

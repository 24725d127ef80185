-- 0013 ResultUse (SQLite): 结果应用 of an evaluated project — next year's request as entered, 一次性项目, and finance's
-- decision with its reason (docs/result-use.md). One row per project, made at its first change.

CREATE TABLE "result_uses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_result_uses" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "RequestFen" INTEGER NULL,
    "OneOff" INTEGER NOT NULL,
    "DecidedAction" TEXT NULL,
    "DecidedFen" INTEGER NULL,
    "DecisionReason" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_result_uses_projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "projects" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_result_uses_ProjectId" ON "result_uses" ("ProjectId");

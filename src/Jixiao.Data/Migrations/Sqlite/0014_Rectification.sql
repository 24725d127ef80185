-- 0014 Rectification (SQLite): 整改 tasks — a project's finding (source, code, message, where), the responsible unit,
-- the deadline of the unit's measures, the measures and the reviewer's verification (docs/rectification.md). 逾期 is
-- computed from "Deadline", not stored.

CREATE TABLE "rectification_tasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_rectification_tasks" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "FindingCode" TEXT NOT NULL,
    "FindingMessage" TEXT NOT NULL,
    "FindingWhere" TEXT NULL,
    "FoundOn" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Measures" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "VerifiedBy" TEXT NULL,
    "VerifiedAt" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_rectification_tasks_projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "projects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_rectification_tasks_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_rectification_tasks_ProjectId" ON "rectification_tasks" ("ProjectId");

CREATE INDEX "IX_rectification_tasks_UnitId_Status" ON "rectification_tasks" ("UnitId", "Status");

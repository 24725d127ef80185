-- 0003 Evaluations (SQLite): evaluation sheets with their last total and grade.

CREATE TABLE "evaluations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_evaluations" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "SheetJson" TEXT NOT NULL,
    "Total" TEXT NULL,
    "Grade" TEXT NULL,
    "Status" TEXT NOT NULL,
    "AssignedExpertId" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_evaluations_projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "projects" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_evaluations_AssignedExpertId" ON "evaluations" ("AssignedExpertId");
CREATE INDEX "IX_evaluations_ProjectId" ON "evaluations" ("ProjectId");

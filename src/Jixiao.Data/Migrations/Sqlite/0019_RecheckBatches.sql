-- 0019 RecheckBatches (SQLite): 复核批次 — self-evaluations uploaded at once, each file a job of a queue in the database
-- that background workers claim (one atomic UPDATE … WHERE "State" = 'queued' … RETURNING), with a lease renewed while
-- the file is read; the stored 复核 of every evaluation; the reviewer's accept or override of its lines (docs/recheck.md).

CREATE TABLE "recheck_batches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_recheck_batches" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "FileCount" INTEGER NOT NULL,
    "Notes" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_recheck_batches_OwnerId" ON "recheck_batches" ("OwnerId");

CREATE TABLE "recheck_jobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_recheck_jobs" PRIMARY KEY AUTOINCREMENT,
    "BatchId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Content" BLOB NULL,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "WorkerId" TEXT NULL,
    "LeaseUntilMs" INTEGER NULL,
    "QueuedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "Kind" TEXT NULL,
    "Error" TEXT NULL,
    "DuplicateOfId" INTEGER NULL,
    "EvaluationCount" INTEGER NOT NULL,
    CONSTRAINT "FK_recheck_jobs_recheck_batches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "recheck_batches" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_recheck_jobs_BatchId_Position" ON "recheck_jobs" ("BatchId", "Position");
CREATE INDEX "IX_recheck_jobs_State_Id" ON "recheck_jobs" ("State", "Id");
CREATE INDEX "IX_recheck_jobs_Sha256" ON "recheck_jobs" ("Sha256");

CREATE TABLE "recheck_evaluations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_recheck_evaluations" PRIMARY KEY AUTOINCREMENT,
    "BatchId" INTEGER NOT NULL,
    "JobId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Project" TEXT NULL,
    "Unit" TEXT NULL,
    "Year" INTEGER NULL,
    "RuleSet" TEXT NOT NULL,
    "StatedTotal" TEXT NULL,
    "StatedGrade" TEXT NULL,
    "Total" TEXT NOT NULL,
    "Grade" TEXT NOT NULL,
    "FindingCount" INTEGER NOT NULL,
    "FindingChecks" TEXT NULL,
    "CutShort" INTEGER NOT NULL,
    "ResultJson" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_recheck_evaluations_recheck_jobs_JobId" FOREIGN KEY ("JobId") REFERENCES "recheck_jobs" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_recheck_evaluations_BatchId_JobId_Position" ON "recheck_evaluations" ("BatchId", "JobId", "Position");
CREATE INDEX "IX_recheck_evaluations_JobId" ON "recheck_evaluations" ("JobId");

CREATE TABLE "recheck_line_decisions" (
    "EvaluationId" INTEGER NOT NULL,
    "Line" INTEGER NOT NULL,
    "Score" TEXT NULL,
    "Reason" TEXT NULL,
    "DecidedBy" TEXT NOT NULL,
    "DecidedAt" TEXT NOT NULL,
    CONSTRAINT "PK_recheck_line_decisions" PRIMARY KEY ("EvaluationId", "Line"),
    CONSTRAINT "FK_recheck_line_decisions_recheck_evaluations_EvaluationId" FOREIGN KEY ("EvaluationId") REFERENCES "recheck_evaluations" ("Id") ON DELETE CASCADE
);

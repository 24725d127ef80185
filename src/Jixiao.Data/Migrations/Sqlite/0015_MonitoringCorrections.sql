-- 0015 MonitoringCorrections (SQLite): 纠偏 — a red project's entry in a round, the day finance asked and the answer's
-- deadline in working days, the unit's answer (继续 / 调剂 with the amount in 分 / 取消, and the reason), and finance's
-- mark to pause the funds (docs/monitoring.md). 逾期 is computed from "Deadline", not stored.

CREATE TABLE "monitoring_corrections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_monitoring_corrections" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "EntryId" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "RedReason" TEXT NOT NULL,
    "RequestedOn" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "AdjustFen" INTEGER NULL,
    "AnswerReason" TEXT NULL,
    "AnsweredBy" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredOn" TEXT NULL,
    "FundsPaused" INTEGER NOT NULL,
    "PauseReason" TEXT NULL,
    "PausedBy" TEXT NULL,
    "PausedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_monitoring_corrections_monitoring_rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "monitoring_rounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_monitoring_corrections_monitoring_entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "monitoring_entries" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_monitoring_corrections_projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "projects" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_monitoring_corrections_EntryId" ON "monitoring_corrections" ("EntryId");

CREATE INDEX "IX_monitoring_corrections_RoundId_Status" ON "monitoring_corrections" ("RoundId", "Status");

CREATE INDEX "IX_monitoring_corrections_ProjectId" ON "monitoring_corrections" ("ProjectId");

-- 0012 Monitoring (SQLite): 运行监控 rounds, one entry per project (1–N月 执行数 in 分, 全年预计, narrative, state) and
-- one row per indicator (progress, 全年预计完成, 偏差原因, 完成目标可能性, 纠偏措施); docs/monitoring.md.

CREATE TABLE "monitoring_rounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_monitoring_rounds" PRIMARY KEY AUTOINCREMENT,
    "FiscalYear" INTEGER NOT NULL,
    "StartMonth" INTEGER NOT NULL,
    "EndMonth" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "OpenedById" TEXT NOT NULL,
    "OpenedByName" TEXT NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "monitoring_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_monitoring_entries" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "ExecutedFen" INTEGER NULL,
    "ExpectedAnnualFen" INTEGER NULL,
    "Narrative" TEXT NULL,
    "Status" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_monitoring_entries_monitoring_rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "monitoring_rounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_monitoring_entries_projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "monitoring_indicator_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_monitoring_indicator_entries" PRIMARY KEY AUTOINCREMENT,
    "EntryId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "Progress" TEXT NULL,
    "ExpectedAnnual" TEXT NULL,
    "DeviationCause" TEXT NULL,
    "Likelihood" TEXT NULL,
    "Correction" TEXT NULL,
    CONSTRAINT "FK_monitoring_indicator_entries_indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "indicators" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_monitoring_indicator_entries_monitoring_entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "monitoring_entries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_monitoring_entries_ProjectId" ON "monitoring_entries" ("ProjectId");

CREATE UNIQUE INDEX "IX_monitoring_entries_RoundId_ProjectId" ON "monitoring_entries" ("RoundId", "ProjectId");

CREATE UNIQUE INDEX "IX_monitoring_indicator_entries_EntryId_IndicatorId" ON "monitoring_indicator_entries" ("EntryId", "IndicatorId");

CREATE INDEX "IX_monitoring_indicator_entries_IndicatorId" ON "monitoring_indicator_entries" ("IndicatorId");

CREATE INDEX "IX_monitoring_rounds_FiscalYear_EndMonth" ON "monitoring_rounds" ("FiscalYear", "EndMonth");

-- 0017 Evidence (SQLite): 佐证材料 — files attached to an evaluation line, a 纠偏 request or a 整改 task (docs/evidence.md).
-- The bytes are in the evidence folder under "StorageKey" (random, never the user's name); this row holds the number
-- (佐证-年-序号, per unit and year, never reused), the listed name, the sniffed type, size and SHA-256. A deleted file
-- keeps its row with who, when and why.

CREATE TABLE "evidence_files" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_evidence_files" PRIMARY KEY AUTOINCREMENT,
    "Number" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "EvaluationId" INTEGER NULL,
    "LineIndex" INTEGER NULL,
    "LineName" TEXT NULL,
    "Subject" TEXT NULL,
    "CorrectionId" INTEGER NULL,
    "RectificationTaskId" INTEGER NULL,
    "FileName" TEXT NOT NULL,
    "FileType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    "Note" TEXT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedBy" TEXT NULL,
    "DeleteReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_evidence_files_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_evidence_files_projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "projects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_evidence_files_evaluations_EvaluationId" FOREIGN KEY ("EvaluationId") REFERENCES "evaluations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_evidence_files_monitoring_corrections_CorrectionId" FOREIGN KEY ("CorrectionId") REFERENCES "monitoring_corrections" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_evidence_files_rectification_tasks_RectificationTaskId" FOREIGN KEY ("RectificationTaskId") REFERENCES "rectification_tasks" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_evidence_files_UnitId_Year_Sequence" ON "evidence_files" ("UnitId", "Year", "Sequence");

CREATE UNIQUE INDEX "IX_evidence_files_StorageKey" ON "evidence_files" ("StorageKey");

CREATE INDEX "IX_evidence_files_ProjectId" ON "evidence_files" ("ProjectId");

CREATE INDEX "IX_evidence_files_EvaluationId_LineIndex" ON "evidence_files" ("EvaluationId", "LineIndex");

CREATE INDEX "IX_evidence_files_CorrectionId" ON "evidence_files" ("CorrectionId");

CREATE INDEX "IX_evidence_files_RectificationTaskId" ON "evidence_files" ("RectificationTaskId");

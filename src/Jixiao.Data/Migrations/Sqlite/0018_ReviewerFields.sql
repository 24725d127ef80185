-- 0018 ReviewerFields (SQLite): what a district's reviewer reads beside the goal and indicators (issue 17,
-- docs/review.md): 项目编码, 项目总金额 (the whole 实施期; 总计 stays the year's 本年金额), 政策依据 and 测算依据, the
-- category rows written 不适用 (JSON, not indicators), and each indicator's 指标解释; null for every row before this
-- migration, as for documents that have none. And the review rules chosen per unit or district and year.
ALTER TABLE "projects" ADD COLUMN "Code" TEXT NULL;
ALTER TABLE "projects" ADD COLUMN "PeriodTotalFen" INTEGER NULL;
ALTER TABLE "projects" ADD COLUMN "PolicyBasis" TEXT NULL;
ALTER TABLE "projects" ADD COLUMN "CostBasis" TEXT NULL;
ALTER TABLE "projects" ADD COLUMN "Placeholders" TEXT NULL;
ALTER TABLE "indicators" ADD COLUMN "Explanation" TEXT NULL;
CREATE INDEX "IX_projects_Code" ON "projects" ("Code") WHERE "Code" IS NOT NULL;

CREATE TABLE "rulebook_choices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_rulebook_choices" PRIMARY KEY AUTOINCREMENT,
    "ScopeKey" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "FiscalYear" INTEGER NULL,
    "Rulebook" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "FileName" TEXT NULL,
    "Content" BLOB NULL,
    "ChosenBy" TEXT NOT NULL,
    "ChosenAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_rulebook_choices_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_rulebook_choices_ScopeKey" ON "rulebook_choices" ("ScopeKey");
CREATE INDEX "IX_rulebook_choices_UnitId" ON "rulebook_choices" ("UnitId");

-- 0005 ReportTexts (SQLite): the evaluator's texts of the 绩效评价报告, kept with the evaluation as report.json (docs/reports.md).
ALTER TABLE "evaluations" ADD "ReportTextsJson" TEXT NULL;

-- 0011 BudgetExecution (SQLite): the 预算执行率 (%) of an evaluation's last scoring, kept like its total and grade for the
-- 首页 chart. Evaluations scored before this migration get it at their next scoring.
ALTER TABLE "evaluations" ADD COLUMN "BudgetExecution" TEXT NULL;

-- 0011 BudgetExecution (PostgreSQL): the 预算执行率 (%) of an evaluation's last scoring, kept like its total and grade
-- for the 首页 chart. Evaluations scored before it are filled
-- from their sheets when the app starts (EvaluationSheets.FillBudgetExecutionAsync).
ALTER TABLE evaluations ADD COLUMN "BudgetExecution" numeric(9,2) NULL;

-- The list's amount sort puts projects without an amount below every amount (first ascending, last descending) on
-- every database: it orders by ("TotalFen" IS NOT NULL), "TotalFen", "Id". This index walks that order either way,
-- so the sort never reads and sorts every row. IX_projects_TotalFen_Id stays for the amount filters.
CREATE INDEX "IX_projects_AmountOrder" ON "projects" (("TotalFen" IS NOT NULL), "TotalFen", "Id");

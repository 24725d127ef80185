-- The project list sorts by amount, name or state and then by id, and reads only the ids of a page first:
-- indexes ending in the id serve those pages from the index alone.
DROP INDEX "IX_projects_Name";
DROP INDEX "IX_projects_Status";
DROP INDEX "IX_projects_TotalFen";

CREATE INDEX "IX_projects_Name_Id" ON projects ("Name", "Id");

CREATE INDEX "IX_projects_Status_Id" ON projects ("Status", "Id");

CREATE INDEX "IX_projects_TotalFen_Id" ON projects ("TotalFen", "Id");

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>The 预算执行率 of an evaluation's last scoring, kept for the dashboard.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261122000011_BudgetExecution")]
public sealed class BudgetExecution : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0011_BudgetExecution", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

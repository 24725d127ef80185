using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>纠偏: a red project's answer (继续 / 调剂 / 取消) by a deadline in working days, and the mark to pause its funds.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261203000015_MonitoringCorrections")]
public sealed class MonitoringCorrections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0015_MonitoringCorrections", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>结果应用: next year's request, 一次性项目 and finance's decision of each evaluated project.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261122000013_ResultUse")]
public sealed class ResultUses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0013_ResultUse", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>The evaluator's report texts (项目背景, 存在问题, 建议 …) as a JSON text column of the evaluation.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261122000005_ReportTexts")]
public sealed class ReportTexts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0005_ReportTexts", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

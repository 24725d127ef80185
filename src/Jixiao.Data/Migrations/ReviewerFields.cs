using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>The fields reviewers read (项目编码, 政策依据, 测算依据, 项目总金额, 指标解释, 不适用 rows) and the review rules chosen per unit or district and year.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261203000018_ReviewerFields")]
public sealed class ReviewerFields : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0018_ReviewerFields", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

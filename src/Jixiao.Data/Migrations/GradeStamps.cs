using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>Evaluations move the projects change stamp when a grade changes (the list filters by grade).</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261122000009_GradeStamps")]
public sealed class GradeStamps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0009_GradeStamps", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

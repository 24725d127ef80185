using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>整改: the rectification tasks made from findings, with the unit's measures and the reviewer's verification.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261203000014_Rectification")]
public sealed class Rectifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0014_Rectification", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

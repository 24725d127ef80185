using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>The amount sort: projects without an amount below every amount, on both databases, from an index.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261122000008_AmountOrder")]
public sealed class AmountOrder : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0008_AmountOrder", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

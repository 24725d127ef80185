using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>Imports written in short transactions: rows hidden (staged) until the import is confirmed whole.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261203000016_ImportStaging")]
public sealed class ImportStaging : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0016_ImportStaging", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

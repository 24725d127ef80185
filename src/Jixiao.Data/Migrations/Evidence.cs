using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>佐证材料: the metadata of evidence files attached to evaluation lines, 纠偏 requests and 整改 tasks; the bytes are on disk.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261203000017_Evidence")]
public sealed class Evidence : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0017_Evidence", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

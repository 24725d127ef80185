using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>Change stamps kept by triggers: what an instance may cache from the data, and how it knows it is stale.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261122000007_ChangeStamps")]
public sealed class ChangeStamps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0007_ChangeStamps", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

/// <summary>复核批次: the queue of recheck jobs, the stored 复核 of each evaluation, the reviewer's line decisions.</summary>
[DbContext(typeof(JixiaoDbContext))]
[Migration("20261203000019_RecheckBatches")]
public sealed class RecheckBatches : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Load("0019_RecheckBatches", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Jixiao migrations go forward only; restore a backup to go back.");
}

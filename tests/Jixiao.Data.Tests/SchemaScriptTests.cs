using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jixiao.Data.Tests;

/// <summary>
/// The migrations are hand-written SQL. These tests check that a freshly migrated database has every table and column
/// the model maps, on each provider, so a model change without a migration fails here.
/// </summary>
public sealed class SchemaScriptTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Migrated_database_has_every_mapped_table_and_column(string provider)
    {
        using var database = TestDatabase.Create(provider);
        using var db = database.NewContext();
        var missing = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var columns = string.Join(", ", table.Columns.Select(c => Quote(db, c.Name)));
            try
            {
                var sql = "SELECT " + columns + " FROM " + Quote(db, table.Name) + " WHERE 1 = 0";
                db.Database.ExecuteSqlRaw(sql);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                missing.Add($"{table.Name}: {e.Message}");
            }
        }

        missing.ShouldBeEmpty();
        db.Database.GetPendingMigrations().ShouldBeEmpty();
    }

    /// <summary>
    /// Writes the model's create script per provider to Migrations/&lt;Provider&gt;/model.sql.new when
    /// JIXIAO_WRITE_SCHEMA is set: the starting point for hand-writing the next migration.
    /// </summary>
    [Fact]
    public void Create_scripts_can_be_generated_for_both_providers()
    {
        var sqlite = new JixiaoDbContext(JixiaoDatabase.Options("Data Source=:memory:")).Database.GenerateCreateScript();
        var postgres = new JixiaoDbContext(JixiaoDatabase.Options("Host=127.0.0.1;Database=x")).Database.GenerateCreateScript();
        sqlite.ShouldContain("CREATE TABLE \"indicators\"");
        postgres.ShouldContain("CREATE TABLE indicators");
        if (Environment.GetEnvironmentVariable("JIXIAO_WRITE_SCHEMA") is { Length: > 0 } folder)
        {
            File.WriteAllText(Path.Combine(folder, "Sqlite", "model.sql.new"), sqlite);
            File.WriteAllText(Path.Combine(folder, "Postgres", "model.sql.new"), postgres);
        }
    }

    private static string Quote(DbContext db, string name) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(name);
}

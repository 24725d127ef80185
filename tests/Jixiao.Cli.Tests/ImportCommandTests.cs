using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Cli.Tests;

/// <summary>`jixiao import` against a real database: a SQLite file, and PostgreSQL when JIXIAO_TEST_PG is set.</summary>
public sealed class ImportCommandTests
{
    private const string Seed002 = "002_57b7928e8e0f944a.txt";

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JIXIAO_TEST_PG")))
            {
                data.Add("postgres");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Imports_a_seed_table_as_a_confirmed_batch_with_the_chosen_year(string provider)
    {
        using var database = new ScratchDatabase(provider);

        var (code, output, error) = CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString, "--year", "2026");

        code.ShouldBe(0, error);
        output.ShouldContain("已导入，新增 55 个项目，跳过已有 0 个");
        await using var db = database.NewContext();
        (await db.Projects.CountAsync()).ShouldBe(55);
        (await db.Projects.CountAsync(p => p.FiscalYear == 2026)).ShouldBe(55);
        var batch = await db.ImportBatches.SingleAsync();
        batch.Status.ShouldBe(ImportStatus.Confirmed);
        batch.FileName.ShouldBe(Seed002);
        batch.UploadedByName.ShouldBe("命令行");
        (await db.AuditLog.SingleAsync(a => a.Entity == "import")).Reason.ShouldBe($"{Seed002}：新增 55 个项目，跳过已有 0 个");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Refuses_a_second_import_of_the_same_table_as_the_upload_page_does(string provider)
    {
        using var database = new ScratchDatabase(provider);
        CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString).ExitCode.ShouldBe(0);

        var (code, _, error) = CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString);

        code.ShouldBe(1);
        error.ShouldContain("文件中的项目都已在系统中，没有可导入的新项目。");
        await using var db = database.NewContext();
        (await db.Projects.CountAsync()).ShouldBe(55);
        (await db.ImportBatches.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Stores_nothing_when_the_table_is_another_units(string provider)
    {
        using var database = new ScratchDatabase(provider);

        var (code, _, error) = CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString, "--unit", "白云区财政局");

        code.ShouldBe(1);
        error.ShouldContain("不是 --unit 指定的“白云区财政局”，未导入。");
        await using var db = database.NewContext();
        (await db.Projects.CountAsync()).ShouldBe(0);
        (await db.ImportBatches.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public void Refuses_a_year_outside_the_range_the_upload_page_accepts()
    {
        using var database = new ScratchDatabase("sqlite");

        var (code, _, error) = CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString, "--year", "1999");

        code.ShouldBe(1);
        error.ShouldContain("预算年度“1999”不是有效的年份");
    }

    [Fact]
    public void Refuses_an_unknown_user()
    {
        using var database = new ScratchDatabase("sqlite");

        var (code, _, error) = CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString, "--user", "nobody");

        code.ShouldBe(1);
        error.ShouldContain("数据库中没有用户“nobody”。");
    }

    /// <summary>A database name the command creates (it migrates an empty database first); dropped afterwards.</summary>
    private sealed class ScratchDatabase : IDisposable
    {
        private readonly string? _file;
        private readonly string? _pgName;
        private readonly string? _pgAdmin;

        public ScratchDatabase(string provider)
        {
            if (provider == "sqlite")
            {
                _file = Path.Combine(Path.GetTempPath(), $"jixiao-cli-{Guid.NewGuid():N}.db");
                ConnectionString = _file;
            }
            else
            {
                var server = Environment.GetEnvironmentVariable("JIXIAO_TEST_PG")!;
                _pgName = $"jixiao_cli_{Guid.NewGuid():N}";
                _pgAdmin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
                ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _pgName }.ConnectionString;
            }
        }

        public string ConnectionString { get; }

        public JixiaoDbContext NewContext() => new(JixiaoDatabase.Options(ConnectionString));

        public void Dispose()
        {
            if (_file is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(_file);
                return;
            }

            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_pgAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}

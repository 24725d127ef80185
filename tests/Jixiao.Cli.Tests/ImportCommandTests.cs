using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Cli.Tests;

/// <summary>`jixiao import` against a real database: a SQLite file, and PostgreSQL when JIXIAO_TEST_PG is set.</summary>
public sealed class ImportCommandTests
{
    private const string Seed002 = "002_57b7928e8e0f944a.txt";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Imports_a_seed_table_as_a_confirmed_batch_with_the_chosen_year(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-cli", migrate: false);

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
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refuses_a_second_import_of_the_same_table_as_the_upload_page_does(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-cli", migrate: false);
        CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString).ExitCode.ShouldBe(0);

        var (code, _, error) = CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString);

        code.ShouldBe(1);
        error.ShouldContain("文件中的项目都已在系统中，没有可导入的新项目。");
        await using var db = database.NewContext();
        (await db.Projects.CountAsync()).ShouldBe(55);
        (await db.ImportBatches.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stores_nothing_when_the_table_is_another_units(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-cli", migrate: false);

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
        using var database = TestDatabase.Create("sqlite", "jixiao-cli", migrate: false);

        var (code, _, error) = CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString, "--year", "1999");

        code.ShouldBe(1);
        error.ShouldContain("预算年度“1999”不是有效的年份");
    }

    [Fact]
    public void Refuses_an_unknown_user()
    {
        using var database = TestDatabase.Create("sqlite", "jixiao-cli", migrate: false);

        var (code, _, error) = CliRunner.Run("import", CliRunner.Seed(Seed002), "--db", database.ConnectionString, "--user", "nobody");

        code.ShouldBe(1);
        error.ShouldContain("数据库中没有用户“nobody”。");
    }

}

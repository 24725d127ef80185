using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;
using Jixiao.Data.Storing;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

public sealed class StoreTests
{
    private static BudgetUnit SampleUnit()
    {
        var taxonomy = IndicatorTaxonomy.Default;
        var quality = taxonomy.FindByCode("12");
        var indicators = new List<Indicator>
        {
            new(taxonomy.ParentOf(quality!), quality, "施工质量合格率", TargetParser.Parse("100%"), TargetParser.Parse("≥95%"),
                Level1Text: "1-产出指标", Level2Text: "12-质量指标", Number: 1),
            new(taxonomy.FindLevel1("效益指标"), null, "刑事案件破案率", TargetParser.Parse("提高"), TargetParser.Parse("提高"), Number: 2),
        };
        var project = new Project("分局中心枪库改造工程", 2024, new ProjectAmounts(5.67m, 5.67m, null, null, MoneyUnit.WanYuan),
            new PerformanceGoal("完成分局中心枪库改造工程的设计、施工等工作。"), indicators);
        return new BudgetUnit("广州市公安局白云区分局", "广州市公安局白云区分局", 50_061.31m, [project]);
    }

    private static async Task<int> SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext("导入");
        var projects = await UnitWriter.AddAsync(db, [SampleUnit()], "002_57b7928e8e0f944a.txt");
        await db.SaveChangesAsync();
        return projects.Added[0].Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stores_money_as_exact_fen_and_targets_as_text_plus_parsed_columns(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var id = await SeedAsync(database);

        await using var db = database.NewContext();
        var project = await db.Projects.Include(p => p.Unit).Include(p => p.Indicators).SingleAsync(p => p.Id == id);
        project.TotalFen.ShouldBe(5_670_000L);
        project.FiscalSpecialFen.ShouldBeNull();
        project.SourceMoneyUnit.ShouldBe("万元");
        project.Unit!.StatedTotalFen.ShouldBe(50_061_310_000L);
        project.Status.ShouldBe(ReviewStatus.Draft);
        project.Source.ShouldBe("002_57b7928e8e0f944a.txt");

        var quality = project.Indicators.OrderBy(i => i.Position).First();
        quality.Level1Code.ShouldBe("1");
        quality.Level2Code.ShouldBe("12");
        quality.Level2Text.ShouldBe("12-质量指标");
        quality.AnnualText.ShouldBe("≥95%");
        quality.AnnualKind.ShouldBe("quantitative");
        quality.AnnualComparator.ShouldBe(">=");
        quality.AnnualValue.ShouldBe(95m);
        quality.AnnualUnit.ShouldBe("%");
        quality.AnnualDirection.ShouldBe("up");
        quality.PeriodImplicit.ShouldBeTrue();

        var vague = project.Indicators.Single(i => i.Name == "刑事案件破案率");
        vague.PeriodKind.ShouldBe("qualitative");
        vague.PeriodValue.ShouldBeNull();
        vague.PeriodDirection.ShouldBe("up");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sums_and_orders_money_in_the_database(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await SeedAsync(database);
        await using var db = database.NewContext();
        (await db.Projects.SumAsync(p => p.TotalFen ?? 0)).ShouldBe(5_670_000L);
        (await db.Projects.OrderByDescending(p => p.TotalFen).Select(p => p.Name).FirstAsync()).ShouldBe("分局中心枪库改造工程");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_second_of_two_concurrent_editors_gets_a_concurrency_conflict(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var id = await SeedAsync(database);

        await using var first = database.NewContext("张三");
        await using var second = database.NewContext("李四");
        var mine = await first.Indicators.Where(i => i.ProjectId == id).OrderBy(i => i.Position).FirstAsync();
        var theirs = await second.Indicators.Where(i => i.ProjectId == id).OrderBy(i => i.Position).FirstAsync();

        TargetColumns.SetAnnual(mine, TargetParser.Parse("≥98%"));
        await first.SaveChangesAsync();
        mine.Version.ShouldBe(1);

        TargetColumns.SetAnnual(theirs, TargetParser.Parse("≥90%"));
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        (await check.Indicators.SingleAsync(i => i.Id == mine.Id)).AnnualText.ShouldBe("≥98%");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Target_and_status_changes_are_written_to_the_audit_log_with_who_old_new_and_why(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var id = await SeedAsync(database);

        await using (var db = database.NewContext("张三"))
        {
            var indicator = await db.Indicators.Where(i => i.ProjectId == id && i.Name == "刑事案件破案率").SingleAsync();
            TargetColumns.SetAnnual(indicator, TargetParser.Parse("≥85%"));
            db.ChangeReason = "目标值需量化";
            await db.SaveChangesAsync();

            var project = await db.Projects.SingleAsync(p => p.Id == id);
            project.Status = ReviewStatus.Submitted;
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var log = await read.AuditLog.Where(a => a.ProjectId == id).OrderBy(a => a.Id).ToListAsync();
        log.Count.ShouldBe(2);
        log[0].Actor.ShouldBe("张三");
        log[0].Field.ShouldBe("annualTarget");
        log[0].OldValue.ShouldBe("提高");
        log[0].NewValue.ShouldBe("≥85%");
        log[0].Reason.ShouldBe("目标值需量化");
        log[1].Field.ShouldBe("status");
        log[1].OldValue.ShouldBe("草稿");
        log[1].NewValue.ShouldBe("已提交");
        log[1].Reason.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_audit_log_is_append_only_even_in_raw_sql(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var id = await SeedAsync(database);
        await using var db = database.NewContext("张三");
        var project = await db.Projects.SingleAsync(p => p.Id == id);
        project.Status = ReviewStatus.Submitted;
        await db.SaveChangesAsync();

        var entry = await db.AuditLog.FirstAsync();
        entry.Reason = "篡改";
        Should.Throw<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();

        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        (await db.AuditLog.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Data_protection_keys_written_by_one_instance_are_read_by_another(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions.AddDbContext<JixiaoDbContext>(
            services, o => JixiaoDatabase.Configure(o, database.ConnectionString));
        await using var provider1 = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var scopes = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(provider1);

        new DataProtectionKeyRepository(scopes).StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "k1")), "k1");
        var seen = new DataProtectionKeyRepository(scopes).GetAllElements();
        seen.Count.ShouldBe(1);
        seen.Single().Attribute("id")!.Value.ShouldBe("k1");
    }
}

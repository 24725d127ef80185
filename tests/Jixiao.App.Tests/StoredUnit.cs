using Jixiao.App.Auth;
using Jixiao.Data.Storing;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.App.Tests;

/// <summary>One unit stored the way the upload page stores it, and the scopes of the people who work on it.</summary>
internal static class StoredUnit
{
    public const string Name = "广州市公安局白云区分局";

    /// <summary>
    /// Two projects: 枪库改造 with a 产出 and a 效益 indicator (its first annual target "≥95%"), and 空项目 with no
    /// indicator at all, which the system's 预审 reports as an error (REV200).
    /// </summary>
    public static async Task<(int UnitId, int Project, int Indicator, int Empty)> AddAsync(TestDatabase database)
    {
        var taxonomy = IndicatorTaxonomy.Default;
        var quality = taxonomy.FindByCode("12");
        var indicators = new List<Indicator>
        {
            new(taxonomy.ParentOf(quality!), quality, "施工质量合格率", TargetParser.Parse("100%"), TargetParser.Parse("≥95%"), Number: 1),
            new(taxonomy.FindLevel1("效益指标"), null, "刑事案件破案率", TargetParser.Parse("提高"), TargetParser.Parse("提高"), Number: 2),
        };
        var amounts = new ProjectAmounts(5.67m, 5.67m, null, null, MoneyUnit.WanYuan);
        var projects = new List<Project>
        {
            new("分局中心枪库改造工程", 2024, amounts, new PerformanceGoal("完成分局中心枪库改造工程的设计、施工等工作。"), indicators),
            new("空项目", 2024, amounts, new PerformanceGoal("未填写指标。"), []),
        };

        await using var db = database.NewContext("导入");
        var added = await UnitWriter.AddAsync(db, [new BudgetUnit(Name, Name, null, projects)], "002.txt");
        await db.SaveChangesAsync();
        var project = added.Added.Single(p => p.Name == "分局中心枪库改造工程");
        return (project.UnitId, project.Id, project.Indicators.OrderBy(i => i.Position).First().Id, added.Added.Single(p => p.Name == "空项目").Id);
    }

    public static AccessScope Clerk(int unitId) => new("clerk", "公安分局填报员", new HashSet<string> { Roles.Filler }, [unitId]);

    public static AccessScope Reviewer(int unitId) => new("reviewer", "财政局审核人", new HashSet<string> { Roles.Reviewer }, [unitId]);

    /// <summary>A clerk of another unit: the unit's projects do not exist for them.</summary>
    public static AccessScope Stranger() => new("stranger", "政法委填报员", new HashSet<string> { Roles.Filler }, [999]);
}

using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>
/// Builds projects the way a target table states them: "1、1-产出指标,12-质量指标,施工质量合格率（%）；实施周期指标值:100%,年度指标值:100%"
/// is <c>I(1, "1-产出指标", "12-质量指标", "施工质量合格率（%）", "100%", "100%")</c>. Codes and names are kept as written;
/// the resolved categories are left to the review (as an importer that could not decide would leave them).
/// </summary>
internal static class ProjectBuilder
{
    public static Indicator I(int? number, string level1, string level2, string name, string? period, string? annual)
    {
        var (code1, text1) = Split(level1);
        var (code2, text2) = Split(level2);
        return new Indicator(null, null, name, period is null ? null : TargetParser.Parse(period), annual is null ? null : TargetParser.Parse(annual),
            Level1Code: code1, Level2Code: code2, Level1Text: text1, Level2Text: text2, Number: number);
    }

    /// <summary>An indicator numbered by its position, for projects written by hand.</summary>
    public static Indicator I(string level1, string level2, string name, string target) => I(null, level1, level2, name, target, target);

    public static Project P(string name, decimal amount, string goal, params Indicator[] indicators) =>
        new(name, 2022, new ProjectAmounts(amount, amount, null, null, MoneyUnit.WanYuan), new PerformanceGoal(goal), indicators);

    public static BudgetUnit Unit(string name, params Project[] projects) =>
        new(name, null, projects.Sum(p => p.Amounts.Total ?? 0), projects);

    public static ProjectReview Review(Project project, ReviewEngine? engine = null) =>
        (engine ?? ReviewEngine.Default).Review(project, "测试单位");

    public static IEnumerable<string> Rules(this ProjectReview review) => review.Findings.Select(f => f.Rule);

    public static IEnumerable<ReviewFinding> On(this ProjectReview review, string rule) => review.Findings.Where(f => f.Rule == rule);

    private static (string? Code, string? Text) Split(string written)
    {
        var dash = written.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? (written[..dash], written[(dash + 1)..]) : (null, written.Length == 0 ? null : written);
    }

    /// <summary>A well-formed project: every category, every value with comparator, number and unit.</summary>
    public static Project Clean(string name = "派出所业务用房改造工程", decimal amount = 120m) => P(name, amount,
        "2022年完成派出所业务用房改造1200平方米，9月底前竣工验收，改善民警办公和群众办事环境。",
        I("1-产出指标", "11-数量指标", "改造面积", "≥1200平方米"),
        I("1-产出指标", "12-质量指标", "竣工验收合格率", "=100%"),
        I("1-产出指标", "13-时效指标", "按期完工率", "=100%"),
        I("4-成本指标", "41-经济成本指标", "工程决算金额", $"≤{amount}万元"),
        I("2-效益指标", "22-社会效益指标", "安全生产事故数", "=0起"),
        I("3-满意度指标", "31-服务对象满意度指标", "办事群众满意度", "≥90%"));
}

using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;
using static Jixiao.Domain.Tests.Reviews.ProjectBuilder;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>
/// How one review pass keeps its findings (records in a store, objects made when read) and decides once per distinct
/// indicator: none of it may change what a reviewer reads.
/// </summary>
public class ReviewPassTests
{
    private static Project Vague(string name, string goal) => P(name, 50m, goal,
        I(1, "1-产出指标", "11-数量指标", "开展全区网格员培训", "开展一次培训以上", "＞1次"),
        I(1, "1-产出指标", "12-质量指标", "网格事件办结率", "提高", "提高"),
        I(3, "2-效益指标", "22-社会效益", "交通安全劝导工作", "增加", "增肌"));

    private const string SharedGoal = "加强保障网格员补助发放，充分调动网格员积极性，提升基层治理水平和群众满意度。";

    [Fact]
    public void Findings_read_from_a_pass_are_the_same_objects_on_every_read_and_in_order()
    {
        var report = ReviewEngine.Default.Review([Unit("甲单位", Vague("网格化管理经费", SharedGoal), Vague("禁毒社工购买服务", SharedGoal))]);
        var findings = report.Projects[0].Findings;

        findings.Count.ShouldBeGreaterThan(3);
        findings[0].ShouldBeSameAs(findings[0]);
        findings.ToList().ShouldBe(Enumerable.Range(0, findings.Count).Select(i => findings[i]).ToList());
        Should.Throw<ArgumentOutOfRangeException>(() => findings[findings.Count]);
        Should.Throw<ArgumentOutOfRangeException>(() => findings[-1]);

        // the findings across projects are found after the project's own run and come last: the copied goal, then
        // the copied indicators (both projects have the same vague indicators)
        findings[^2].Rule.ShouldBe("REV601");
        findings[^2].Message.ShouldContain("禁毒社工购买服务");
        findings[^1].Rule.ShouldBe("REV603");
        findings[^1].Message.ShouldContain("禁毒社工购买服务");
        findings.Take(findings.Count - 2).ShouldAllBe(f => f.Rule != "REV601" && f.Rule != "REV603");
    }

    [Fact]
    public void A_pass_scores_its_records_exactly_as_the_public_score_scores_finding_objects()
    {
        var report = ReviewEngine.Default.Review([Unit("甲单位", Vague("网格化管理经费", SharedGoal), Vague("禁毒社工购买服务", SharedGoal), Clean())]);

        foreach (var project in report.Projects)
        {
            var copied = project.Findings.Select(f => new ReviewFinding(f.Rule, f.Severity, f.Indicator, f.Message, f.Suggestion, f.Title, f.Regulation)).ToList();
            ReviewEngine.Default.Score(copied).ShouldBe((project.Score, project.Outcome), project.Name);
        }

        report.Total.Errors.ShouldBe(report.Projects.Sum(p => p.Findings.Count(f => f.Severity == Domain.Diagnostics.Severity.Error)));
        report.Total.Warnings.ShouldBe(report.Projects.Sum(p => p.Findings.Count(f => f.Severity == Domain.Diagnostics.Severity.Warning)));
    }

    [Fact]
    public void Equal_indicators_written_apart_get_equal_keys_and_any_difference_tells_them_apart()
    {
        // the importer makes a new string for every cell: equal content must not depend on shared instances
        static Indicator Row(string name, string value) =>
            I(1, new string("1-产出指标".ToCharArray()), "12-质量指标", new string(name.ToCharArray()), new string(value.ToCharArray()), value);

        var a = new IndicatorKey(Row("施工质量合格率", "100%"));
        var b = new IndicatorKey(Row("施工质量合格率", "100%"));
        a.ShouldBe(b);
        a.GetHashCode().ShouldBe(b.GetHashCode());

        new IndicatorKey(Row("施工质量合格率", "95%")).ShouldNotBe(a);
        new IndicatorKey(Row("竣工验收合格率", "100%")).ShouldNotBe(a);
        new IndicatorKey(Row("施工质量合格率", "100%") with { Level2Code = "13" }).ShouldNotBe(a);
        new IndicatorKey(Row("施工质量合格率", "100%") with { Unit = "%" }).ShouldNotBe(a);
    }

    [Fact]
    public void Reviewing_the_same_tables_again_with_a_warm_engine_words_every_finding_the_same()
    {
        var engine = new ReviewEngine();
        BudgetUnit[] units = [Unit("甲单位", Vague("网格化管理经费", SharedGoal), Vague("禁毒社工购买服务", SharedGoal), Clean())];
        static List<string> Words(ReviewReport r) => r.Projects.SelectMany(p => p.Findings.Select(f => $"{p.Name}|{f.Rule}|{f.Indicator}|{f.Message}|{f.Suggestion}|{f.IndicatorNumber}")).ToList();

        var first = Words(engine.Review(units));
        var second = Words(engine.Review(units));
        second.ShouldBe(first);
        first.ShouldContain(w => w.Contains("增肌", StringComparison.Ordinal));
    }
}

using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>The seed reports, rebuilt as sheets, score exactly as the reports do (and the checks find what they get wrong).</summary>
public class SeedEvaluationTests
{
    [Fact]
    public void Xueliang_2020_scores_every_line_as_the_report_and_totals_93_07_excellent()
    {
        var scored = SeedSheets.Score("004-xueliang-2020.json");

        scored.Items.Select(i => i.Score!.Value).ShouldBe([5m, 5m, 8m, 5m, 4.57m, 6m, 6m, 5m, 8.5m, 9m, 10m, 8m, 8m, 5m]);
        scored.Total.ShouldBe(93.07m);
        scored.Grade.ShouldBe("优");
        scored.Findings.ShouldNotContain(f => f.Code == EvaluationCodes.StatedScoreDisagrees || f.Code == EvaluationCodes.WeightsDoNotAddUp);
    }

    [Fact]
    public void Xueliang_2020_budget_execution_is_91_4_percent_earning_4_57_of_5()
    {
        var execution = SeedSheets.Score("004-xueliang-2020.json").Items.Single(i => i.Name == "预算执行率");

        decimal.Round(execution.Actual!.Value, 1).ShouldBe(91.4m);
        execution.Score.ShouldBe(4.57m);
        execution.Explanation.ShouldBe("预算执行率 91.4%，未达指标值“100%”，按 91.4÷100×5 计，得 4.57 分");
    }

    [Fact]
    public void Budget_execution_is_read_from_the_line_each_report_names_its_own_way()
    {
        decimal.Round(SeedSheets.Score("004-xueliang-2020.json").BudgetExecution!.Value, 1).ShouldBe(91.4m); // 预算执行率
        foreach (var file in new[] { "000-baiyun-drug-2022.json", "000-baiyun-video-2022.json", "001-baiyun-video-2023.json" })
        {
            var scored = SeedSheets.Score(file);
            var line = scored.Items.Single(i => ScoredEvaluation.BudgetExecutionNames.Any(n => i.Name.Contains(n, StringComparison.Ordinal)));
            line.Name.ShouldBeOneOf("财政资金预算完成率", "项目资金支出率");
            scored.BudgetExecution.ShouldBe(line.Actual, file);
        }

        var video2022 = SeedSheets.Score("000-baiyun-video-2022.json").BudgetExecution;
        video2022.ShouldNotBeNull();
        decimal.Round(video2022.Value, 1).ShouldBe(98.0m); // 1086.77 / 1108.96 万元: the report says 99%
    }

    [Fact]
    public void Xueliang_2020_deductions_are_explained_with_their_reasons_and_a_reasonless_one_is_a_finding()
    {
        var scored = SeedSheets.Score("004-xueliang-2020.json");

        scored.Items.Single(i => i.Name == "产出质量").Explanation.ShouldStartWith("产出质量，扣 1.5 分（合同要求监控探头在线率达到90%以上");
        scored.Items.Single(i => i.Name == "产出质量").Explanation.ShouldEndWith("得 8.5 分");
        scored.Findings.ShouldContain(f => f.Code == EvaluationCodes.BadDeduction && f.Indicator == "可持续影响");
        scored.Findings.ShouldContain(f => f.Code == EvaluationCodes.MissedWithoutReason && f.Indicator == "预算执行率");
    }

    [Fact]
    public void Xueliang_2020_output_and_effect_make_up_60_percent_as_the_framework_requires()
    {
        var scored = SeedSheets.Score("004-xueliang-2020.json");

        scored.Findings.ShouldNotContain(f => f.Code == EvaluationCodes.OutputAndEffectBelow60);
        scored.Sheet.Indicators.Where(i => i.Level1 is "产出" or "效益").Sum(i => i.Weight!.Value).ShouldBe(60m);
    }

    [Fact]
    public void Baiyun_video_2023_gives_every_line_its_full_weight_and_totals_100_excellent()
    {
        var scored = SeedSheets.Score("001-baiyun-video-2023.json");

        scored.Items.Select(i => i.Weight!.Value).ShouldBe([12m, 8m, 10m, 10m, 15m, 15m, 20m, 10m]);
        scored.Items.ShouldAllBe(i => i.Score == i.Weight);
        scored.Total.ShouldBe(100m);
        scored.Grade.ShouldBe("优");
        scored.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Baiyun_video_2023_actuals_that_are_only_bounds_or_ratios_are_flagged()
    {
        var scored = SeedSheets.Score("001-baiyun-video-2023.json");

        scored.Findings.Count(f => f.Code == EvaluationCodes.InexactActual).ShouldBe(4);
        scored.Findings.Count(f => f.Code == EvaluationCodes.PercentForCount).ShouldBe(2);
        scored.Items.Single(i => i.Name == "完成监控室机房运维数量").Actual.ShouldBe(28m);
    }

    [Fact]
    public void Baiyun_video_2022_computes_the_annual_maintenance_score_96_2_from_97_3_and_95_1()
    {
        var item = SeedSheets.Score("000-baiyun-video-2022.json").Items.Single(i => i.Name == "监控中心运维年度考核得分");

        item.Actual.ShouldBe(96.2m);
        item.Met.ShouldBe(true);
    }

    [Fact]
    public void Baiyun_video_2022_computes_public_satisfaction_92_percent_from_184_of_200()
    {
        var item = SeedSheets.Score("000-baiyun-video-2022.json").Items.Single(i => i.Name == "群众满意度");

        item.Actual.ShouldBe(92m);
        item.Met.ShouldBe(true);
    }

    [Fact]
    public void Baiyun_video_2022_budget_completion_is_98_0_percent_not_the_stated_99()
    {
        var scored = SeedSheets.Score("000-baiyun-video-2022.json");

        var item = scored.Items.Single(i => i.Name == "财政资金预算完成率");
        decimal.Round(item.Actual!.Value, 1).ShouldBe(98.0m);
        var finding = scored.Findings.Single(f => f.Code == EvaluationCodes.StatedActualDisagrees);
        finding.Indicator.ShouldBe("财政资金预算完成率");
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldContain("98.0%");
        finding.Message.ShouldContain("报告写的是 99%");
    }

    [Fact]
    public void Baiyun_video_2022_budget_completion_mixes_yuan_and_wan_yuan()
    {
        var scored = SeedSheets.Score("000-baiyun-video-2022.json");

        var finding = scored.Findings.Single(f => f.Code == EvaluationCodes.UnitMismatch);
        finding.Indicator.ShouldBe("财政资金预算完成率");
        finding.Message.ShouldContain("万元");
        finding.Message.ShouldContain("“财政支出预批复额”以元计");
    }

    [Fact]
    public void Baiyun_video_2022_states_no_weights_so_it_is_checked_but_not_totalled()
    {
        var scored = SeedSheets.Score("000-baiyun-video-2022.json");

        scored.Total.ShouldBeNull();
        scored.Grade.ShouldBeNull();
        scored.Items.ShouldAllBe(i => i.Score == null);
        scored.Findings.ShouldContain(f => f.Code == EvaluationCodes.MissingWeight && f.Severity == Severity.Info);
        scored.Findings.ShouldContain(f => f.Code == EvaluationCodes.MissedWithoutReason && f.Indicator == "财政资金预算完成率");
    }

    [Fact]
    public void Baiyun_drug_2022_checks_what_the_report_gives_numbers_for()
    {
        var scored = SeedSheets.Score("000-baiyun-drug-2022.json");
        var byName = scored.Items.ToDictionary(i => i.Name);

        byName["财政资金预算完成率"].Actual.ShouldBe(100m);
        byName["项目合同规范率"].Actual.ShouldBe(100m);
        decimal.Round(byName["外市户籍吸毒人员数与吸毒人员管理服务队伍人数配比"].Actual!.Value, 2).ShouldBe(70.86m);
        byName["外市户籍吸毒人员数与吸毒人员管理服务队伍人数配比"].Met.ShouldBe(true);
        byName["开展吸戒毒人员专业辅导个案数"].Met.ShouldBe(true);
        byName["项目目标完成情况"].Completion.ShouldBe(100m);
        scored.Findings.ShouldContain(f => f.Code == EvaluationCodes.FarExceededWithoutExplanation && f.Indicator == "开展社会面宣传活动");
        scored.Findings.Where(f => f.Code == EvaluationCodes.MissingInput).Select(f => f.Indicator)
            .ShouldBe(["提供吸毒人员就业帮扶的人数", "帮扶对象的满意度"], ignoreOrder: true);
        scored.Findings.ShouldNotContain(f => f.Code == EvaluationCodes.StatedActualDisagrees);
    }

    [Theory]
    [InlineData("000-baiyun-drug-2022.json")]
    [InlineData("000-baiyun-video-2022.json")]
    [InlineData("001-baiyun-video-2023.json")]
    [InlineData("004-xueliang-2020.json")]
    public void A_seed_sheet_survives_writing_and_reading_back(string file)
    {
        var sheet = SeedSheets.Load(file);

        var again = EvaluationSheetJson.Read(EvaluationSheetJson.Write(sheet), file);

        again.Diagnostics.ShouldBeEmpty();
        var first = ScoredEvaluationJson.From(Scorer.Score(sheet));
        var second = ScoredEvaluationJson.From(Scorer.Score(again.Sheet!));
        second.Total.ShouldBe(first.Total);
        second.Items.ShouldBe(first.Items);
        second.Findings.ShouldBe(first.Findings);
    }
}

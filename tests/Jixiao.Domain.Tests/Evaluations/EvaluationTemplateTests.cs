using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.Domain.Tests.Evaluations;

public class EvaluationTemplateTests
{
    [Fact]
    public void The_self_evaluation_template_gives_budget_execution_10_and_output_effect_satisfaction_50_30_10()
    {
        var sheet = EvaluationTemplates.Load(EvaluationKind.SelfEvaluation);

        sheet.Kind.ShouldBe(EvaluationKind.SelfEvaluation);
        sheet.Groups!.Select(g => (g.Level1, g.Weight)).ShouldBe([("预算执行", 10m), ("产出指标", 50m), ("效益指标", 30m), ("满意度指标", 10m)]);
        var execution = sheet.Indicators[0];
        execution.Name.ShouldBe("预算执行率");
        execution.Weight.ShouldBe(10m);
        execution.Actual.ShouldBeOfType<ActualValue.Computed>().Formula.Names.ShouldBe(["全年执行数", "全年预算数"]);
    }

    [Theory]
    [InlineData(EvaluationKind.DepartmentEvaluation)]
    [InlineData(EvaluationKind.FinanceEvaluation)]
    [InlineData(EvaluationKind.ThirdPartyEvaluation)]
    public void The_framework_template_has_decision_process_output_effect_adding_up_to_100(EvaluationKind kind)
    {
        var sheet = EvaluationTemplates.Load(kind);

        sheet.Kind.ShouldBe(kind);
        sheet.Indicators.Select(i => i.Level1).Distinct().ShouldBe(["决策", "过程", "产出", "效益"]);
        sheet.Indicators.Count.ShouldBe(20);
        sheet.Indicators.Sum(i => i.Weight!.Value).ShouldBe(100m);
        var findings = Scorer.Score(sheet).Findings.Select(f => f.Code).ToList();
        findings.ShouldNotContain(EvaluationCodes.WeightsDoNotAddUp);
        findings.ShouldNotContain(EvaluationCodes.OutputAndEffectBelow60);
    }

    [Fact]
    public void A_self_evaluation_starts_from_a_projects_target_table_with_annual_targets_and_spread_weights()
    {
        var taxonomy = IndicatorTaxonomy.Default;
        Indicator Row(string level2, string name, string period, string annual)
        {
            var l2 = taxonomy.FindByCode(level2)!;
            return new Indicator(taxonomy.ParentOf(l2), l2, name, TargetParser.Parse(period), TargetParser.Parse(annual));
        }

        var project = new Project("视频监控运维", 2024, new ProjectAmounts(100m, 100m, null, null, MoneyUnit.WanYuan), new PerformanceGoal("运维"),
        [
            Row("11", "运维点位数", "3292个", "3292个"), Row("12", "视频完好率", "≥98%", "≥98%"), Row("13", "故障修复时间", "48小时内", "24小时内"),
            Row("22", "协助破案率", "≥85%", "≥85%"), Row("31", "群众满意度", "≥90%", "≥90%"),
        ]);

        var sheet = EvaluationTemplates.FromProject(project);

        sheet.Kind.ShouldBe(EvaluationKind.SelfEvaluation);
        sheet.Year.ShouldBe(2024);
        sheet.Indicators.Select(i => i.Weight!.Value).ShouldBe([10m, 16.67m, 16.67m, 16.66m, 30m, 10m]);
        sheet.Indicators[3].Target!.Text.ShouldBe("24小时内");
        sheet.Indicators[0].Actual.ShouldBeOfType<ActualValue.Computed>().Inputs.Single().Text.ShouldBe("100万元");
        sheet.Indicators.Skip(1).ShouldAllBe(i => i.Method == ScoringMethod.Proportional);
        Scorer.Score(sheet).Findings.Select(f => f.Code).ShouldNotContain(EvaluationCodes.WeightsDoNotAddUp);
    }

    [Fact]
    public void A_project_without_satisfaction_indicators_shares_their_points_among_the_others()
    {
        var taxonomy = IndicatorTaxonomy.Default;
        var quantity = taxonomy.FindByCode("11")!;
        var social = taxonomy.FindByCode("22")!;
        var project = new Project("p", 2024, new ProjectAmounts(null, null, null, null, MoneyUnit.WanYuan), new PerformanceGoal(""),
        [
            new Indicator(taxonomy.ParentOf(quantity), quantity, "数量", null, TargetParser.Parse("10个")),
            new Indicator(taxonomy.ParentOf(social), social, "效益", null, TargetParser.Parse("有所提高")),
        ]);

        var sheet = EvaluationTemplates.FromProject(project);

        sheet.Indicators.Select(i => i.Weight!.Value).ShouldBe([10m, 56.25m, 33.75m]);
        sheet.Indicators[2].Method.ShouldBe(ScoringMethod.Qualitative);
    }
}

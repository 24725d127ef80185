using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Import.Imports;
using Jixiao.Import.Indicators;

namespace Jixiao.Import.Tests.Indicators;

public class IndicatorCellReaderTests
{
    private static readonly SourceLocation Here = new("t.txt", 7);

    private static (IReadOnlyList<Indicator> Indicators, List<Diagnostic> Diagnostics) Read(string cell)
    {
        var diagnostics = new List<Diagnostic>();
        var indicators = IndicatorCellReader.Read(cell, Here, diagnostics.Add);
        return (indicators, diagnostics);
    }

    [Fact]
    public void Reads_codes_names_and_both_targets_of_one_item()
    {
        var (indicators, diagnostics) = Read("1、1-产出指标,12-质量指标,施工质量合格率（%）；实施周期指标值:100%,年度指标值:100%；");

        var indicator = indicators.ShouldHaveSingleItem();
        indicator.Number.ShouldBe(1);
        indicator.Level1!.Code.ShouldBe("1");
        indicator.Level2!.Code.ShouldBe("12");
        indicator.Level1Code.ShouldBe("1");
        indicator.Level1Text.ShouldBe("产出指标");
        indicator.Level2Code.ShouldBe("12");
        indicator.Level2Text.ShouldBe("质量指标");
        indicator.Name.ShouldBe("施工质量合格率（%）");
        indicator.PeriodTarget!.Text.ShouldBe("100%");
        indicator.AnnualTarget!.Text.ShouldBe("100%");
        indicator.AnnualTarget.ShouldBeOfType<Target.Quantitative>().Value.ShouldBe(100m);
        indicator.Location.ShouldBe(Here);
        diagnostics.ShouldBeEmpty();
    }

    // Separators as the seeds write them: ，；, ";,", ";;", ". ;", spaces after every separator, "。" between items.
    [Theory]
    [InlineData("1、2-效益指标,3-满意度指标,单位员工满意度(%);实施周期指标值:90%,年度指标值:90%;,2、1-产出指标,12-质量指标,主体工程完成率;实施周期指标值:100%,年度指标值:100%;", "单位员工满意度(%)|主体工程完成率", "90%|100%")]
    [InlineData("1、2-效益指标,22-社会效益,辅警工作安心感;实施周期指标值:提升,年度指标值:提升;;2、1-产出指标,11-数量指标,辅警培训率;实施周期指标值:100%,年度指标值:100%;", "辅警工作安心感|辅警培训率", "提升|100%")]
    [InlineData("1、2-效益指标, 22-社会效益, 辅警工作安心感; 实施周期指标值:大于80%, 年度指标值:大于80%;, 2、1-产出指标, 11-数量指标, 专职辅警人员数; 实施周期指标值:大于2450人, 年度指标值:大于2450人.; 3、2-效益指标, 24-可持续影响, 辅警队伍规范化; 实施周期指标值:达标, 年度指标值:达标;", "辅警工作安心感|专职辅警人员数|辅警队伍规范化", "大于80%|大于2450人|达标")]
    [InlineData("1、3-满意度指标, 31-服务对象满意度, 群众满意度; 实施周期指标值: 提高, 年度指标值: 提高; ; 2、1-产出指标, 11-数量指标, 购买社工服务的社工人数; 实施周期指标值: 达标, 年度指标值: 达标;", "群众满意度|购买社工服务的社工人数", "提高|达标")]
    [InlineData("1、1-产出指标；11-数量指标；医疗定点报销比例%；实施周期指标值:100%；年度指标值:100%。2、1-产出指标；12-质量指标；提高医疗保障；实施周期指标值:医疗保障率达100%；年度指标值:100%。", "医疗定点报销比例%|提高医疗保障", "100%|100%")]
    [InlineData("1、1-产出指标,12-质量指标,工资、社保、公积金、绩效发放准确率.;实施周期指标值:100%,年度指标值:100%;2、1-产出指标,13-时效指标,发放及时率.;实施周期指标值:100%,年度指标值:100%;", "工资、社保、公积金、绩效发放准确率|发放及时率", "100%|100%")]
    [InlineData("1、3-满意度指标,31-服务对象满意度,群众满意度；实施周期指标值:提高,年度指标值:提高;；2、1-产出指标,11-数量指标,开展防范诈骗专项行动。；实施周期指标值:增加,年度指标值:增加;", "群众满意度|开展防范诈骗专项行动", "提高|增加")]
    [InlineData("1、1-产出指标, 12-质量指标, 运维工单完成率(%)。; 实施周期指标值:100%, 年度指标值:100%;; 2、1-产出指标, 12-质量指标, 运维质量评价; 实施周期指标值:达标, 年度指标值:达标;", "运维工单完成率(%)|运维质量评价", "100%|达标")]
    [InlineData("1、1-产出指标,11-数量指标,违法养犬数；实施周期指标值:减少,年度指标值:减少; ;2、1-产出指标,11-数量指标,犬只续期数；实施周期指标值:达标,年度指标值:达标; ", "违法养犬数|犬只续期数", "减少|达标")]
    public void Reads_every_separator_variant_of_the_seeds(string cell, string names, string annualTargets)
    {
        var (indicators, diagnostics) = Read(cell);

        indicators.Select(i => i.Name).ShouldBe(names.Split('|'));
        indicators.Select(i => i.AnnualTarget!.Text).ShouldBe(annualTargets.Split('|'));
        diagnostics.ShouldNotContain(d => d.Code == ImportCodes.IndicatorUnreadable || d.Code == ImportCodes.TargetMissing);
    }

    [Fact]
    public void Keeps_all_items_when_numbering_restarts_and_says_so()
    {
        var (indicators, diagnostics) = Read("1、1-产出指标,13-时效指标,工程进度达标率；实施周期指标值:100%,年度指标值:100%；2、1-产出指标,12-质量指标,主体工程完成率；实施周期指标值:100%,年度指标值:100%；1、1-产出指标,12-质量指标,施工质量合格率（%）；实施周期指标值:100%,年度指标值:100%；");

        indicators.Select(i => i.Number).ShouldBe([1, 2, 1]);
        indicators[2].Name.ShouldBe("施工质量合格率（%）");
        var restart = diagnostics.ShouldHaveSingleItem();
        restart.Code.ShouldBe(ImportCodes.NumberingRestarted);
        restart.Severity.ShouldBe(Severity.Info);
        restart.Message.ShouldContain("第3项");
    }

    [Theory]
    [InlineData("2-效益指标,3-满意度指标,单位员工满意度（%）", "3", "31", "二级位置写的是一级指标“3-满意度指标”，按一级“满意度指标”、二级“服务对象满意度指标”读取（原一级为“2-效益指标”）")]
    [InlineData("2-效益指标,11-数量指标,核酸检测人次", "1", "11", "一级“2-效益指标”与二级“11-数量指标”不符（数量指标属于产出指标），按二级所属的一级“产出指标”读取")]
    [InlineData("12-质量指标,12-质量指标,新冠肺炎疫情常态化防控工作", "1", "12", "一级位置写的是二级指标“12-质量指标”，按其所属一级“产出指标”读取")]
    [InlineData("2-效益指标,31-服务对象满意度,用户单位满意度", "3", "31", "一级“2-效益指标”与二级“31-服务对象满意度”不符（服务对象满意度指标属于满意度指标），按二级所属的一级“满意度指标”读取")]
    [InlineData("1-产出指标,21-数量指标,完成数量", "1", "11", "“21-数量指标”的代码21是“经济效益指标”，与名称不符，按名称读作“11-数量指标”")]
    public void Resolves_codes_that_disagree_and_warns_what_was_read(string head, string level1, string level2, string message)
    {
        var (indicators, diagnostics) = Read($"1、{head}；实施周期指标值:90%,年度指标值:90%；");

        var indicator = indicators.ShouldHaveSingleItem();
        indicator.Level1!.Code.ShouldBe(level1);
        indicator.Level2!.Code.ShouldBe(level2);
        var warning = diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Code.ShouldBe(ImportCodes.CategoryCorrected);
        warning.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("1-产出指标,12-质量指标", "1", "12")]
    [InlineData("3-满意度指标,31-服务对象满意度", "3", "31")]
    [InlineData("2-效益指标,24-可持续影响", "2", "24")]
    [InlineData("1-产出指标,14-成本指标", "1", "14")]
    public void Agreeing_codes_are_read_without_diagnostics(string head, string level1, string level2)
    {
        var (indicators, diagnostics) = Read($"1、{head},某指标；实施周期指标值:≥1,年度指标值:≥1；");

        indicators.ShouldHaveSingleItem().Level1!.Code.ShouldBe(level1);
        indicators[0].Level2!.Code.ShouldBe(level2);
        diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_target_may_hold_commas_because_values_run_to_the_next_label()
    {
        var (indicators, _) = Read("4、1-产出指标；11-数量指标；登记率；实施周期指标值:出租屋登记率达100%，来穗人员登记率达到95%；年度指标值:100%。5、2-效益指标；22-社会效益；外来人员融合率；实施周期指标值:提高融合率；年度指标值:100%。");

        indicators[0].PeriodTarget!.Text.ShouldBe("出租屋登记率达100%，来穗人员登记率达到95%");
        indicators[0].AnnualTarget!.Text.ShouldBe("100%");
        indicators[1].PeriodTarget!.Text.ShouldBe("提高融合率");
    }

    [Theory]
    [InlineData("1、2-效益指标；24-可持续影响；提高政法工作效率；实施周期指标值:提高医疗保障；年度指标值:提高　。", "提高")]
    [InlineData("1、1-产出指标；14-成本指标；预算（成本）控制率；实施周期指标值:≤0％；年度指标值:≤0％，小于预算数。", "≤0％，小于预算数")]
    [InlineData("1、1-产出指标, 11-数量指标, 专职辅警人员数; 实施周期指标值:大于2450人, 年度指标值:大于2450人.; ", "大于2450人")]
    [InlineData("1、1-产出指标；11-数量指标；车辆购置数量；实施周期指标值:年度计划数；年度指标值:＝1。", "＝1")]
    public void Target_texts_keep_the_source_characters_without_trailing_separators(string cell, string annual)
    {
        var (indicators, _) = Read(cell);

        indicators.ShouldHaveSingleItem().AnnualTarget!.Text.ShouldBe(annual);
    }

    [Fact]
    public void Targets_go_through_the_target_parser()
    {
        var (indicators, _) = Read("1、1-产出指标,11-数量指标,专职辅警人员数;实施周期指标值:大于2450人,年度指标值:大于2450;");

        var period = indicators[0].PeriodTarget.ShouldBeOfType<Target.Quantitative>();
        period.Comparator.ShouldBe(Comparator.GreaterThan);
        period.Value.ShouldBe(2450m);
        period.Unit.ShouldBe("人");
    }

    [Fact]
    public void A_missing_annual_target_is_a_warning_and_the_indicator_is_kept()
    {
        var (indicators, diagnostics) = Read("1、1-产出指标,11-数量指标,培训人次;实施周期指标值:100人次;");

        indicators.ShouldHaveSingleItem().AnnualTarget.ShouldBeNull();
        var warning = diagnostics.ShouldHaveSingleItem();
        warning.Code.ShouldBe(ImportCodes.TargetMissing);
        warning.Message.ShouldBe("第1项指标“培训人次”缺少年度指标值。");
    }

    [Fact]
    public void Text_without_numbered_indicators_is_an_error_with_the_text()
    {
        var (indicators, diagnostics) = Read("详见附件");

        indicators.ShouldBeEmpty();
        var error = diagnostics.ShouldHaveSingleItem();
        error.Severity.ShouldBe(Severity.Error);
        error.Code.ShouldBe(ImportCodes.IndicatorUnreadable);
        error.Message.ShouldContain("“详见附件”");
        error.Location.ShouldBe(Here);
    }

    [Fact]
    public void Text_before_the_first_item_is_reported()
    {
        var (indicators, diagnostics) = Read("绩效指标如下：1、1-产出指标,11-数量指标,培训人次;实施周期指标值:100人次,年度指标值:100人次;");

        indicators.Count.ShouldBe(1);
        diagnostics.ShouldHaveSingleItem().Code.ShouldBe(ImportCodes.IndicatorStrayText);
    }

    [Fact]
    public void An_empty_cell_has_no_indicators_and_no_diagnostics()
    {
        var (indicators, diagnostics) = Read("  ");

        indicators.ShouldBeEmpty();
        diagnostics.ShouldBeEmpty();
    }
}

using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Tables;

/// <summary>002: the bureau's 项目支出绩效目标表 as pipe tables (55 projects, 50,061.31 万元).</summary>
public class Seed002Tests
{
    private static readonly Lazy<ImportResult> Result = new(() => TargetTableImporter.Import(TestPaths.Seed002));

    // (project name, 总计 in 万元, number of indicators) as the document lists them, counted by reading it.
    public static TheoryData<int, string, decimal, int> Projects => new()
    {
        { 0, "分局中心枪库改造工程", 5.67m, 3 },
        { 1, "智慧警局（无人警局）改造工程", 30.09m, 3 },
        { 2, "龙归派出所业务用房改造工程", 34.07m, 3 },
        { 3, "分局新综合办证中心改造工程", 27.83m, 3 },
        { 4, "松洲所业务用房电力改造工程", 36.64m, 3 },
        { 5, "正风反腐专项经费", 24.69m, 3 },
        { 6, "东湖映月公建配套刑事技术分室装修改造工程", 100.00m, 3 },
        { 7, "金沙派出所公建配套业务用房改造工程", 50.00m, 3 },
        { 8, "分局房屋零星维修项目", 191.65m, 3 },
        { 9, "松洲所内原预审楼(危房)地基加固及维修改造工程(上年结转)", 54.98m, 4 },
        { 10, "三元里派出所公建配套业务用房装修工程", 20.65m, 3 },
        { 11, "分局食堂楼结构加固及改造工程", 219.48m, 4 },
        { 12, "分局综合档案中心附属工程", 25.50m, 4 },
        { 13, "辅警服装培训费", 379.35m, 3 },
        { 14, "政府雇员公用经费", 783.90m, 3 },
        { 15, "政府雇员工资经费", 17652.08m, 4 },
        { 16, "公安工作补贴", 550.00m, 3 },
        { 17, "行政管理专项", 2900.00m, 4 },
        { 18, "智能电子门禁运维及建设经费", 1189.99m, 3 },
        { 19, "白云区视频网络建设经费", 1443.93m, 4 },
        { 20, "平安白云升级改造", 346.43m, 3 },
        { 21, "公安部分网建设及相关设施改造", 10.00m, 3 },
        { 22, "白云区拘留所迁建项目", 200.00m, 5 },
        { 23, "看守所扩容建设工程", 1190.75m, 3 },
        { 24, "拘押收教场所经费", 2700.00m, 3 },
        { 25, "在押人员医疗经费", 1800.00m, 3 },
        { 26, "禁毒管理专项经费", 1800.00m, 4 },
        { 27, "群防共治奖励、见义勇为群众举报等奖励金及慰问金", 120.00m, 3 },
        { 28, "白云司法救助金", 5.00m, 3 },
        { 29, "公共服务设施历史遗留确权项目", 176.90m, 4 },
        { 30, "扫黑除恶专项斗争经费", 200.00m, 4 },
        { 31, "公安执法办案费", 6500.00m, 3 },
        { 32, "刑事技术室达标设备购置", 69.23m, 3 },
        { 33, "云府【2021】请收1167号紧急扩容防疫用云盾服务资源", 47.50m, 3 },
        { 34, "打击新型犯罪专项支出", 273.00m, 3 },
        { 35, "防疫专项经费", 640.00m, 3 },
        { 36, "社区管理系统维护项目", 42.36m, 3 },
        { 37, "2021年户政新大厅排队叫号与好差评系统项目", 23.42m, 3 },
        { 38, "特殊人员隔离场所建设经费", 200.00m, 3 },
        { 39, "大源所危房改造工程", 53.46m, 3 },
        { 40, "穗财政【2022】122号辅警补助经费", 5165.16m, 3 },
        { 41, "穗财政【2022】122号外市籍吸毒人员管理服务专项工作经费", 424.69m, 3 },
        { 42, "区安排穗财政【2020】75号外市籍吸毒人员管理服务专项工作经费", 253.84m, 3 },
        { 43, "穗财政【2022】59号清算2021年外市籍吸毒人员管理服务专项工作经费", 70.10m, 3 },
        { 44, "穗财政【2021】115号外市籍吸毒人员管理服务专项工作经费", 574.70m, 3 },
        { 45, "区安排穗财政【2020】75号中心六区内街内巷交通违法处罚收入分成", 178.47m, 3 },
        { 46, "穗财政【2021】115号中心六区内街内巷交通违法收入分成", 16.33m, 3 },
        { 47, "穗财政【2022】76号2022年第二批中央缉私补助资金", 22.00m, 4 },
        { 48, "穗财政【2022】58号清算2021年养犬管理费用", 61.46m, 4 },
        { 49, "穗财政【2021】115号养犬管理业务支出补助", 43.23m, 4 },
        { 50, "分局枪弹库室配置智能枪弹柜", 127.78m, 3 },
        { 51, "分局综合档案室整体搬迁工程", 150.00m, 3 },
        { 52, "户籍档案数字化加工", 374.00m, 4 },
        { 53, "白云区分局“云盾”（平安白云）系统2023年专项技术服务项目", 281.00m, 3 },
        { 54, "白云区看守所扩容建设信息化系统2022年建设项目", 200.00m, 3 },
    };

    [Fact]
    public void Reads_one_unit_with_55_projects_summing_exactly_to_the_stated_total()
    {
        var result = Result.Value;

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.ProjectTable);
        result.Department.ShouldBe("广州市公安局白云区分局");
        result.AmountUnit.ShouldBe(MoneyUnit.WanYuan);
        result.StatedTotal.ShouldBe(50061.31m);
        var unit = result.Units.ShouldHaveSingleItem();
        unit.Name.ShouldBe("广州市公安局白云区分局");
        unit.StatedTotal.ShouldBe(50061.31m);
        unit.Projects.Count.ShouldBe(55);
        unit.Projects.Sum(p => p.Amounts.Total!.Value).ShouldBe(50061.31m);
        unit.Projects.Sum(p => p.Amounts.Fiscal!.Value).ShouldBe(50061.31m);
        result.IndicatorCount.ShouldBe(180);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Reads_every_project_with_its_amount_and_all_its_indicators(int index, string name, decimal total, int indicators)
    {
        var project = Result.Value.Units[0].Projects[index];

        project.Name.ShouldBe(name);
        project.Amounts.Total.ShouldBe(total);
        project.Amounts.Fiscal.ShouldBe(total);
        project.Amounts.FiscalSpecial.ShouldBeNull();
        project.Amounts.Other.ShouldBeNull();
        project.Amounts.Unit.ShouldBe(MoneyUnit.WanYuan);
        project.Goal.Text.ShouldNotBeNullOrWhiteSpace();
        project.Indicators.Count.ShouldBe(indicators);
        project.Indicators.ShouldAllBe(i => i.Level1 != null && i.Level2 != null && i.PeriodTarget != null && i.AnnualTarget != null);
    }

    [Fact]
    public void Locates_projects_and_indicators_on_their_lines()
    {
        var project = Result.Value.Units[0].Projects[0];

        project.Location.ShouldBe(new SourceLocation("002_57b7928e8e0f944a.txt", 13));
        project.Indicators[2].Location.ShouldBe(new SourceLocation("002_57b7928e8e0f944a.txt", 13));
        Result.Value.Units[0].Projects[54].Location!.Line.ShouldBe(97);
    }

    [Fact]
    public void Keeps_vague_targets_and_typos_as_written()
    {
        var project = Result.Value.Units[0].Projects[45];

        project.Indicators[0].Name.ShouldBe("交通安全劝导工作");
        project.Indicators[0].PeriodTarget!.Text.ShouldBe("增加");
        project.Indicators[0].AnnualTarget!.Text.ShouldBe("增肌");
    }

    [Fact]
    public void Reports_each_corrected_category_and_restarted_numbering_but_no_unused_line()
    {
        var diagnostics = Result.Value.Diagnostics;

        diagnostics.ShouldNotContain(d => d.Severity == Severity.Error);
        diagnostics.ShouldNotContain(d => d.Code == ImportCodes.UnusedLine);
        diagnostics.ShouldContain(d => d.Code == ImportCodes.CategoryCorrected && d.Location!.Line == 66
            && d.Message.Contains("一级“2-效益指标”与二级“11-数量指标”不符"));
        diagnostics.ShouldContain(d => d.Code == ImportCodes.CategoryCorrected && d.Location!.Line == 66
            && d.Message.Contains("一级位置写的是二级指标“12-质量指标”"));
        diagnostics.Count(d => d.Code == ImportCodes.NumberingRestarted).ShouldBe(6);
        var firstSatisfaction = Result.Value.Units[0].Projects[2].Indicators[0];
        firstSatisfaction.Level1!.Name.ShouldBe("满意度指标");
        firstSatisfaction.Level2!.Name.ShouldBe("服务对象满意度指标");
        firstSatisfaction.Level1Code.ShouldBe("2");
        firstSatisfaction.Level2Code.ShouldBe("3");
    }
}

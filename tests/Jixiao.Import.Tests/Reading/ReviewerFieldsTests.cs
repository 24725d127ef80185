using System.Text;
using Jixiao.Import.Reading;
using Jixiao.Import.Tests.Corpus;

namespace Jixiao.Import.Tests.Reading;

/// <summary>
/// What a reviewer reads besides the indicators is kept: 项目编码, 政策依据, 测算依据, 年度目标 and 实施期目标, 指标解释,
/// 项目总金额 and 本年金额, and the rows that write 不适用 for a category.
/// </summary>
public class ReviewerFieldsTests
{
    private static ReadDocument Read(string text) => DocumentReader.Read(Encoding.UTF8.GetBytes(text), "测试.txt").Document;

    [Fact]
    public void The_baoan_export_keeps_code_bases_goal_amounts_explanations_and_not_applicable_rows()
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusFiles.Docs, "01-targets-baoan-export.xlsx"));
        var import = TargetsFromReading.ToImportResult(DocumentReader.Read(bytes, "01-targets-baoan-export.xlsx"));

        var projects = import.Projects.ToList();
        projects.Count.ShouldBe(146);
        projects.Sum(p => p.Indicators.Count).ShouldBe(775);
        var p = projects.Single(x => x.Code == "440306231391500000173");
        p.PolicyBasis.ShouldNotBeNull().ShouldStartWith("一、项目背景:");
        p.CostBasis.ShouldBe("党群服务中心租金评估费0.3万元");
        p.Goal.Text.ShouldBe("通过日常服务居民,使得居民问题得到及时解决。");
        p.Amounts.Total.ShouldBe(0.3m);
        p.Amounts.PeriodTotal.ShouldBe(0.9m);
        p.Indicators[0].Explanation.ShouldBe("根据物业数量判定");
        p.Placeholders.ShouldNotBeNull().Select(i => i.Level2Text).ShouldBe(["经济效益", "生态效益", "可持续影响", "服务对象满意度", "其他满意度"]);
        projects.Count(x => x.PolicyBasis is null).ShouldBe(9);
        projects.Sum(x => x.Placeholders?.Count ?? 0).ShouldBe(734);
        projects.SelectMany(x => x.Indicators).Count(i => i.Explanation is null).ShouldBe(5);
    }

    [Fact]
    public void A_record_table_of_indicator_rows_keeps_the_explanation_column_and_the_not_applicable_rows()
    {
        var doc = Read("""
            项目名称 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标解释 |
            道路养护 | 产出 | 数量 | 养护里程 | 12公里 | 考察养护完成的里程 |
            道路养护 | 产出 | 时效 | 完成时间 | 2024年12月前 | 反映完成的时限 |
            道路养护 | 效益 | 生态效益 | 不适用 | 不适用 | 不适用 |
            """);

        var p = doc.Projects.ShouldHaveSingleItem();
        p.Indicators.Select(i => (i.Name, i.Target, i.Explanation)).ShouldBe([
            ("养护里程", "12公里", "考察养护完成的里程"),
            ("完成时间", "2024年12月前", "反映完成的时限"),
        ]);
        p.Placeholders.ShouldNotBeNull().ShouldHaveSingleItem().Level2.ShouldBe("生态效益");
    }

    [Fact]
    public void A_form_keeps_the_explanation_column_without_reading_it_as_the_target()
    {
        var doc = Read("""
            项目名称 | 乡村道路硬化工程 | ||
            实施单位 | 公路管理站 | ||
            立项依据 | 《农村公路建设管理办法》 | ||
            测算依据 | 12公里×10万元/公里=120万元 | ||
            一级指标 | 二级指标 | 三级指标 | 指标解释 | 指标值 |
            产出指标 | 数量指标 | 硬化道路里程 | 考察硬化完成的里程 | ≥12公里 |
            效益指标 | 社会效益指标 | 受益群众人数 | 反映受益的人数 | ≥3000人 |
            """);

        var p = doc.Projects.ShouldHaveSingleItem();
        p.PolicyBasis.ShouldBe("《农村公路建设管理办法》");
        p.CostBasis.ShouldBe("12公里×10万元/公里=120万元");
        p.Indicators.Select(i => (i.Name, i.Target, i.Explanation)).ShouldBe([
            ("硬化道路里程", "≥12公里", "考察硬化完成的里程"),
            ("受益群众人数", "≥3000人", "反映受益的人数"),
        ]);
    }
}

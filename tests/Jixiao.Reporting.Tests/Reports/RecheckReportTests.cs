using Jixiao.Domain.Rechecks;
using Jixiao.Reporting.Rechecks;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>复核报告 (.docx): scope, method with the rule set's sources, findings by check, grades, the evaluations whose grade changes, files not rechecked, overrides.</summary>
public class RecheckReportTests
{
    private static RecheckReportEvaluation Evaluation(string unit, string project, decimal executed, decimal stated, string grade, int overridden = 0)
    {
        var result = Rechecker.Recheck(new SelfEvaluationInput(project, unit, 2022,
            new RecheckBudgetLine("年度资金总额", 10, 100, executed, null, 10),
            [new RecheckLine("产出指标", "数量指标", "培训人数", 50, "≥100人", "100人", 50, null),
                new RecheckLine("效益指标", "社会效益指标", "群众满意度", 40, "≥90%", "80%", 40, null)],
            stated, grade), RecheckRuleSet.Default);
        return new RecheckReportEvaluation($"{project}.txt", result, result.Findings, overridden, 0);
    }

    private static RecheckReportModel Sample() => new("各单位自评.zip", "财政局审核员", new DateOnly(2026, 12, 3), 4,
        [Evaluation("甲单位", "培训项目", 100, 100, "优", overridden: 1), Evaluation("乙单位", "宣传项目", 55, 100, "优")],
        [new RecheckReportFile("说明.txt", "没有读到任何项目。")], [new RecheckReportFile("培训项目（副本）.txt", "与本批第 1 个文件内容相同")],
        [new RecheckReportOverride("甲单位", "培训项目", "群众满意度", 35.56m, 30, "问卷样本不足")], Finished: true);

    [Fact]
    public void States_scope_method_findings_and_the_evaluations_whose_grade_changes()
    {
        using var output = new MemoryStream();
        RecheckReport.WriteDocx(Sample(), output);
        var text = TestFiles.DocxText(output.ToArray());

        text.ShouldContain("本次复核的对象为财政局审核员上传的复核批次“各单位自评.zip”，共4个文件。复核单位自评2份，涉及2个单位、2个项目（预算年度2022年）。1个文件未能复核，1个文件与本批其他文件内容相同、未重复复核");
        text.ShouldContain("依据复核规则“10号”");
        text.ShouldContain("财预〔2020〕10号");
        text.ShouldContain("低于80%的最高89分");
        text.ShouldContain("调整1行、确认0行");
        // 满意度 80 % of 90 % is missed, yet full marks: both evaluations; 乙 executed 55 %: capped at 69, 优 → 中
        text.ShouldContain("未完成目标却得满分（2处）");
        text.ShouldContain("乙单位：宣传项目（宣传项目.txt）");
        text.ShouldContain("预算执行率低于60%，总分限69分");
        text.ShouldContain("优 → 中");
        text.ShouldContain("说明.txt");
        text.ShouldContain("问卷样本不足");
        text.ShouldNotContain("自评未注明", Case.Sensitive, "every evaluation states its grade");
    }
}

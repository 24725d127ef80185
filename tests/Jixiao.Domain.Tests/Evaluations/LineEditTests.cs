using Jixiao.Domain.Evaluations;
using Shouldly;
using Xunit;
using static Jixiao.Domain.Tests.Evaluations.Lines;

namespace Jixiao.Domain.Tests.Evaluations;

public class LineEditTests
{
    private static EvaluationSheet Sheet() => Lines.Sheet(EvaluationKind.DepartmentEvaluation,
        Line("培训人数", 10m, ScoringMethod.Proportional, target: "≥300人"),
        Line("服务对象满意度", 5m, ScoringMethod.Manual),
        Line("项目管理", 10m, ScoringMethod.Deduction),
        Line("已录入", 10m, ScoringMethod.Proportional, target: "≥300人", actual: "300人"));

    [Theory]
    [InlineData(1, null, 4.5, null, null, null, "“服务对象满意度”是人工评分：请同时填写评分理由。")]
    [InlineData(2, null, null, "扣1分", null, null, "扣 1 分没有写理由：每项扣分都要写明理由，如“扣1分：未按时完成验收”。")]
    [InlineData(2, null, null, "少扣了", null, null, "扣分“少扣了”无法识别：每行写一项，如“扣1.5分：未按时完成验收”。")]
    [InlineData(3, "200人", null, null, null, null, "“已录入”已填写过结果，修改其实际完成值或得分须填写修改原因，它将记入审计日志。")]
    [InlineData(0, null, null, null, "实际 / (计划", "改用公式", "公式“实际 / (计划”有误：")]
    [InlineData(0, null, null, null, "实际 / 计划 * 100", null, "修改计算公式须填写修改原因，它将记入审计日志。")]
    public void Refuses_an_entry_against_the_rules(int line, string? actual, double? score, string? deductions, string? formula, string? formulaReason,
        string problem)
    {
        var (edit, refused) = LineEdits.Apply(Sheet(), line,
            new LineChange(actual, null, null, score is { } s ? (decimal)s : null, null, Formula: formula, Deductions: deductions, FormulaReason: formulaReason));

        edit.ShouldBeNull();
        refused.ShouldNotBeNull().ShouldStartWith(problem);
    }

    [Fact]
    public void A_first_entry_needs_no_reason_and_a_correction_carries_its_reason_to_the_audit()
    {
        var first = LineEdits.Apply(Sheet(), 0, new LineChange("150人", null, null, null, null)).Edit.ShouldNotBeNull();
        first.OldLine.ShouldBe("培训人数：实际 —，得分 0", "a fresh line shows the rule applied to nothing");
        first.NewLine.ShouldEndWith("实际 150人，得分 5");
        first.AuditReason.ShouldBeNull();

        var corrected = LineEdits.Apply(Sheet(), 3, new LineChange("150人", null, null, null, null, ChangeReason: "复核时发现录入错误")).Edit.ShouldNotBeNull();
        corrected.NewLine.ShouldEndWith("实际 150人，得分 5");
        corrected.AuditReason.ShouldBe("复核时发现录入错误");
        LineEdits.HasEntry(corrected.OldScored.Items[3]).ShouldBeTrue();
        LineEdits.HasEntry(corrected.OldScored.Items[0]).ShouldBeFalse();
    }

    [Fact]
    public void Deductions_with_reasons_count_as_the_reason_of_the_change()
    {
        var edit = LineEdits.Apply(Sheet(), 2, new LineChange(null, null, null, null, null, Deductions: "扣1.5分：未按时验收\n扣1分：资料不全")).Edit.ShouldNotBeNull();

        edit.AuditReason.ShouldBe("未按时验收；资料不全");
        edit.NewScored.Items[2].Score.ShouldBe(7.5m);
    }
}

using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Projects;

namespace Jixiao.Reporting.Reports;

/// <summary>
/// Everything a 绩效评价报告 or 自评报告 prints, in one small view model: the scored lines and result from the scorer
/// (filled by <see cref="EvaluationReportMapper"/>) and the facts and texts the evaluator keeps with the evaluation
/// (<see cref="EvaluationReportTexts"/>). The report computes every other number (一级 subtotals, rates, deductions)
/// from these.
/// </summary>
/// <param name="Project">项目名称, e.g. 2020年“雪亮工程”建设项目.</param>
/// <param name="Kind">Who evaluates; decides the outline (财预〔2020〕10号 report or 单位自评).</param>
/// <param name="Items">The scored lines in sheet order (一级 → 二级 → 三级).</param>
/// <param name="Total">总分 as the scorer computed it; null when the sheet states no weights (checked, not scored).</param>
/// <param name="Grade">等级 of the total on <paramref name="GradeBands"/>; null without a total.</param>
/// <param name="GradeBands">The grade scale, highest band first (for the sentence that explains the grade).</param>
/// <param name="Findings">The scorer's findings (Chinese), printed under 其他需要说明的问题.</param>
public sealed record EvaluationReportModel(
    string Project,
    int? Year,
    ReportKind Kind,
    IReadOnlyList<ReportIndicator> Items,
    decimal? Total,
    string? Grade,
    IReadOnlyList<ReportGradeBand> GradeBands,
    IReadOnlyList<string> Findings,
    EvaluationReportTexts Texts)
{
    /// <summary>
    /// The 佐证材料 of the evaluation (docs/evidence.md), in number order, listed in the 附件; empty when the report is
    /// written from a sheet file (the CLI) or no file was attached.
    /// </summary>
    public IReadOnlyList<ReportEvidence> Evidence { get; init; } = [];

    /// <summary>The report title: the evaluator's, or "{单位}{项目}绩效评价报告" / "…绩效自评报告".</summary>
    public string Title => Texts.Title ?? $"{UnitAndProject}{(Kind == ReportKind.SelfEvaluation ? "绩效自评报告" : "绩效评价报告")}";

    /// <summary>"新建公安分局2020年“雪亮工程”建设项目": the unit before the project unless the project name already starts with it.</summary>
    public string UnitAndProject =>
        Texts.Unit is { Length: > 0 } unit && !Project.StartsWith(unit, StringComparison.Ordinal) ? unit + Project : Project;

    /// <summary>True when the evaluation has a total (its lines have weights).</summary>
    public bool IsScored => Total is not null;

    /// <summary>Σ weights of the scored lines (normally 100).</summary>
    public decimal TotalWeight => Items.Sum(i => i.Weight ?? 0);

    /// <summary>The 一级 indicators in sheet order with Σ weight and Σ score of their lines.</summary>
    public IReadOnlyList<Level1Summary> Level1Summaries =>
    [
        .. Items.GroupBy(i => i.Level1, StringComparer.Ordinal)
            .Select(g => new Level1Summary(g.Key, g.Sum(i => i.Weight ?? 0), g.Sum(i => i.Score ?? 0), [.. g])),
    ];
}

public enum ReportKind
{
    /// <summary>部门评价, 财政评价 or 第三方评价: the outline of 财预〔2020〕10号.</summary>
    Evaluation,
    /// <summary>单位自评: 自评报告 and 项目支出绩效自评表.</summary>
    SelfEvaluation,
}

/// <summary>
/// One scored line. <paramref name="Target"/> and <paramref name="Actual"/> are texts as printed ("100%", "91.4%");
/// <paramref name="Explanation"/> is the scorer's Chinese sentence on how the score was computed.
/// <paramref name="Met"/> is null when the method does not compare with a target (人工, 扣分).
/// </summary>
public sealed record ReportIndicator(
    string Level1,
    string Level2,
    string Name,
    decimal? Weight,
    decimal? Score,
    string? Target,
    string? Actual,
    string Explanation,
    bool? Met,
    ScoringMethod Method,
    IReadOnlyList<ReportDeduction> Deductions,
    string? Reason = null)
{
    /// <summary>The name a report prints: the 三级 name, or the 二级 when the line scores a 二级 as a whole.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Level2 : Name;

    /// <summary>True when the line scores its 二级 as a whole (项目立项 5 分), so it has no 三级 below it.</summary>
    public bool IsLevel2Line => string.IsNullOrWhiteSpace(Name) || string.Equals(Name, Level2, StringComparison.Ordinal);

    /// <summary>True when the evaluator set the score (扣分, 人工) rather than a formula against a target.</summary>
    public bool IsJudged => Method is ScoringMethod.Deduction or ScoringMethod.Manual;

    /// <summary>Points lost: weight − score (0 when either is missing).</summary>
    public decimal Lost => Weight is { } w && Score is { } s ? Math.Max(0, w - s) : 0;
}

public sealed record ReportDeduction(decimal Points, string? Reason);

/// <summary>One 佐证材料 file as the annex lists it: 佐证-2026-0001, its name, the indicator and what it proves (实际完成值 / 扣分依据), its kind and size.</summary>
public sealed record ReportEvidence(string Number, string FileName, string? Indicator, string? Subject, string Kind, string Size);

public sealed record ReportGradeBand(string Grade, decimal Min);

public sealed record Level1Summary(string Level1, decimal Weight, decimal Score, IReadOnlyList<ReportIndicator> Items)
{
    /// <summary>得分率 in percent of the weight.</summary>
    public decimal Rate => Weight == 0 ? 0 : Score / Weight * 100;
}

/// <summary>
/// What the evaluator writes and keeps with the evaluation (the sheet's companion file <c>*.report.json</c>, see
/// docs/reports.md): facts about the project (unit, funds, goals) and the text of the sections the data cannot write.
/// Every field is optional; an empty section prints "无。" or is left out as the outline allows.
/// </summary>
public sealed record EvaluationReportTexts
{
    public static EvaluationReportTexts Empty { get; } = new();

    /// <summary>The full title, when the generated one is not wanted.</summary>
    public string? Title { get; init; }

    /// <summary>The evaluating unit as the report calls it (新建公安分局).</summary>
    public string? Unit { get; init; }

    /// <summary>主管部门.</summary>
    public string? Department { get; init; }

    /// <summary>实施单位 (自评表); defaults to <see cref="Unit"/>.</summary>
    public string? ImplementingUnit { get; init; }

    /// <summary>The opening paragraph before 一、基本情况.</summary>
    public string? Preface { get; init; }

    /// <summary>项目背景.</summary>
    public string? Background { get; init; }

    /// <summary>主要内容及实施情况.</summary>
    public string? Content { get; init; }

    public ReportFunds? Funds { get; init; }

    /// <summary>总体目标 (绩效目标).</summary>
    public string? OverallGoal { get; init; }

    /// <summary>阶段性目标 / 年度目标.</summary>
    public string? AnnualGoal { get; init; }

    /// <summary>年度总体目标的实际完成情况 (自评表).</summary>
    public string? GoalCompletion { get; init; }

    /// <summary>绩效评价目的.</summary>
    public string? Purpose { get; init; }

    /// <summary>绩效评价的对象和范围.</summary>
    public string? Scope { get; init; }

    /// <summary>绩效评价原则.</summary>
    public string? Principles { get; init; }

    /// <summary>评价方法和标准.</summary>
    public string? Methods { get; init; }

    /// <summary>绩效评价工作过程.</summary>
    public string? Process { get; init; }

    /// <summary>主要经验及做法.</summary>
    public IReadOnlyList<TextItem> Experience { get; init; } = [];

    /// <summary>存在的问题及原因分析, as the evaluator writes them (added after the problems derived from the scores).</summary>
    public IReadOnlyList<TextItem> Problems { get; init; } = [];

    /// <summary>有关建议.</summary>
    public IReadOnlyList<TextItem> Suggestions { get; init; } = [];

    /// <summary>其他需要说明的问题.</summary>
    public string? Other { get; init; }

    /// <summary>The date under the report (落款日期).</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>An item of a text section: an optional heading ("探头监控在线率有待提升") and its paragraphs (split on new lines).</summary>
public sealed record TextItem(string? Title, string Body);

/// <summary>
/// 资金投入和使用 in <paramref name="Unit"/>: 年初预算数, 全年预算数 (调整后), 实际到位, 全年执行数, and optionally
/// the rows by source (本年财政拨款, 上年结转资金, 其他资金) of the 自评表.
/// </summary>
public sealed record ReportFunds(
    decimal Budget,
    decimal Spent,
    MoneyUnit Unit = MoneyUnit.WanYuan,
    decimal? InitialBudget = null,
    decimal? Received = null,
    IReadOnlyList<ReportFundSource>? Sources = null)
{
    /// <summary>资金到位率 = 实际到位资金 ÷ 预算资金 × 100 (财预〔2020〕10号 附件框架); null without 到位 figure or budget.</summary>
    public decimal? ArrivalRate => Received is { } r && Budget != 0 ? r / Budget * 100 : null;

    /// <summary>
    /// 预算执行率 × 100. The 10号 framework divides 实际支出 by 实际到位资金; the 自评表 divides 全年执行数 by 全年预算数
    /// (regulations.md §1.2, §1.4). Null when the denominator is zero.
    /// </summary>
    public decimal? ExecutionRate(ReportKind kind)
    {
        var denominator = kind == ReportKind.Evaluation && Received is { } r ? r : Budget;
        return denominator == 0 ? null : Spent / denominator * 100;
    }
}

public sealed record ReportFundSource(string Name, decimal? InitialBudget, decimal? Budget, decimal? Spent);

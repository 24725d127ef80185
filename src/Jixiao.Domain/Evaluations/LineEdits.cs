using System.Globalization;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// A change of one evaluation line as entered. <see cref="Actual"/> is the 实际完成值 as written ("91.4%", "338人");
/// <see cref="Rating"/> (达成/部分达成/未达成) and <see cref="Percent"/> are for 定性 lines; <see cref="Score"/> for 人工 lines;
/// <see cref="Reason"/> is the 偏差原因 or the reason of a manual score. <see cref="Formula"/> and <see cref="Inputs"/> make
/// the actual a computed one: the formula ("支出 / 预算 * 100"; null keeps the line's formula) over named inputs written
/// "名称=值；名称=[值, 值, …]" (a series). <see cref="Deductions"/> are the line's deductions, one a line, "扣1.5分：理由".
/// <see cref="FormulaReason"/> says why the formula is set or changed; <see cref="ChangeReason"/> why a line already
/// scored gets another actual or score. Null leaves a field as it is; "" clears it.
/// </summary>
public sealed record LineChange(string? Actual, string? Rating, decimal? Percent, decimal? Score, string? Reason,
    string? Formula = null, string? Inputs = null, string? Deductions = null, string? FormulaReason = null, string? ChangeReason = null);

/// <summary>
/// A change applied: the new sheet and both scorings, the line as the audit log shows it before and after
/// (<see cref="LineEdits.Describe"/>), the formula's old and new text when the formula changed (else
/// <see cref="NewFormula"/> is null), and the reason the audit lines carry.
/// </summary>
public sealed record LineEdit(EvaluationSheet Sheet, ScoredEvaluation OldScored, ScoredEvaluation NewScored, string OldLine, string NewLine,
    string? OldFormula, string? NewFormula, string? FormulaReason, string? AuditReason);

/// <summary>
/// The rules of entering a result on an evaluation line: what each field may hold, that a manual score and every
/// deduction give their reason, that a formula parses and its change is explained, and that correcting a line which
/// already has a result needs a 修改原因 (a line entered once is a record; the audit line keeps why it changed).
/// </summary>
public static class LineEdits
{
    /// <summary>The change applied to line <paramref name="line"/> (0-based, in range), or the Chinese reason it is refused.</summary>
    public static (LineEdit? Edit, string? Problem) Apply(EvaluationSheet sheet, int line, LineChange change)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, sheet.Indicators.Count);
        var before = sheet.Indicators[line];
        var after = before;
        if (change.Actual is not null)
        {
            after = after with { Actual = change.Actual.Trim().Length == 0 ? null : new ActualValue.Measured(MeasuredValue.Parse(change.Actual.Trim())) };
        }

        if (change.Rating is not null)
        {
            if (change.Rating.Trim().Length == 0)
            {
                after = after with { Rating = null };
            }
            else if (EvaluationNames.TryParseRating(change.Rating, out var rating))
            {
                after = after with { Rating = rating };
            }
            else
            {
                return (null, $"定性结论“{change.Rating}”无法识别，请选择 达成、部分达成 或 未达成。");
            }
        }

        if (change.Percent is { } percent)
        {
            if (percent is < 0 or > 100)
            {
                return (null, "完成程度应在 0 到 100 之间。");
            }

            after = after with { Percent = percent };
        }

        if (change.Score is { } score)
        {
            after = after with { Score = score };
        }

        var oldFormula = (before.Actual as ActualValue.Computed)?.Formula.Text;
        var formulaChanged = change.Formula is not null && change.Formula.Trim() != oldFormula;
        if (formulaChanged && FormulaProblem(before, change.Formula!.Trim(), change.FormulaReason) is { } formulaProblem)
        {
            return (null, formulaProblem);
        }

        if (change.Formula is not null || change.Inputs is not null)
        {
            var (computed, problem) = ComputedActual(before, change.Formula, change.Inputs);
            if (problem is not null)
            {
                return (null, problem);
            }

            after = after with { Actual = computed };
        }

        if (change.Deductions is not null)
        {
            var deductions = EvaluationSheetCells.ParseDeductions(change.Deductions, out var bad);
            if (bad.Count > 0)
            {
                return (null, $"扣分“{bad[0]}”无法识别：每行写一项，如“扣1.5分：未按时完成验收”。");
            }

            var missing = deductions.FindIndex(d => string.IsNullOrWhiteSpace(d.Reason));
            if (missing >= 0)
            {
                var points = Text(deductions[missing].Points);
                return (null, $"扣 {points} 分没有写理由：每项扣分都要写明理由，如“扣{points}分：未按时完成验收”。");
            }

            after = after with { Deductions = deductions.Count == 0 ? null : deductions.Select(d => new Deduction(d.Points, d.Reason!.Trim())).ToList() };
        }

        if (change.Reason is not null)
        {
            after = after with { Reason = change.Reason.Trim().Length == 0 ? null : change.Reason.Trim() };
        }

        if (after.Method == ScoringMethod.Manual && after.Score is not null && string.IsNullOrWhiteSpace(after.Reason))
        {
            return (null, $"“{before.Path}”是人工评分：请同时填写评分理由。");
        }

        var lines = sheet.Indicators.ToList();
        lines[line] = after;
        var changed = sheet with { Indicators = lines };
        var oldScored = Scorer.Score(sheet);
        var newScored = Scorer.Score(changed);
        var oldLine = Describe(before.Path, oldScored.Items[line]);
        var newLine = Describe(before.Path, newScored.Items[line]);

        // Deductions carry their own reasons, a new formula its own; the first entry of a line needs none.
        var changeReason = change.ChangeReason?.Trim() is { Length: > 0 } given ? given
            : formulaChanged ? change.FormulaReason!.Trim()
            : change.Deductions is not null && after.Deductions is { Count: > 0 } written ? string.Join("；", written.Select(d => d.Reason))
            : null;
        if (HasEntry(oldScored.Items[line]) && oldLine != newLine && changeReason is null)
        {
            return (null, $"“{before.Path}”已填写过结果，修改其实际完成值或得分须填写修改原因，它将记入审计日志。");
        }

        return (new LineEdit(changed, oldScored, newScored, oldLine, newLine, oldFormula, formulaChanged ? change.Formula!.Trim() : null,
            formulaChanged ? change.FormulaReason!.Trim() : null, changeReason ?? after.Reason), null);
    }

    /// <summary>
    /// Whether a result was entered on the line: an actual written directly, a formula's actual once it can be computed
    /// (a template fills some inputs, e.g. 预算执行率's 全年预算数, which is no result yet), a 定性结论, a manual score or a
    /// deduction. A fresh line may already show a score (the rule applied to nothing), which is no entry either.
    /// </summary>
    public static bool HasEntry(ScoredIndicator item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var line = item.Indicator;
        return line.Actual is ActualValue.Measured || (line.Actual is ActualValue.Computed && item.Actual is not null)
            || line.Rating is not null || line.Score is not null || line.Deductions is { Count: > 0 };
    }

    /// <summary>A line as the audit log shows it: "名称：实际 91.4%，得分 18".</summary>
    public static string Describe(string name, ScoredIndicator item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var actual = item.Indicator.Actual switch
        {
            ActualValue.Measured m => m.Value.Text,
            ActualValue.Computed c => $"{c.Formula.Text}（{EvaluationSheetCells.FormatInputs(c.Inputs)}）",
            _ => item.Indicator.Rating?.Chinese() ?? "—",
        };
        return $"{name}：实际 {actual}，得分 {(item.Score is { } s ? Text(s) : "—")}";
    }

    /// <summary>A total as the audit log shows it: "86.5 分（良）", or 未计分.</summary>
    public static string TotalText(ScoredEvaluation scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        return scored.Total is { } t ? $"{Text(t)} 分{(scored.Grade is { } g ? $"（{g}）" : "")}" : "未计分";
    }

    /// <summary>
    /// Why a new formula cannot be set on a line, or null: only lines scored from an actual value take one, the formula
    /// must parse (the formula language of <see cref="Formula"/>, whose error says where and what), and the change needs its reason.
    /// </summary>
    private static string? FormulaProblem(EvaluationIndicator line, string formula, string? reason)
    {
        if (line.Method is ScoringMethod.Qualitative or ScoringMethod.Manual or ScoringMethod.Deduction)
        {
            return $"“{line.Path}”按{line.Method.Chinese()}评分，不使用实际完成值，不能设置计算公式。";
        }

        if (formula.Length == 0)
        {
            return $"请填写“{line.Path}”的计算公式，如 实际支出 / 预算资金 * 100；不用公式时请直接填写实际完成值。";
        }

        if (Formula.Parse(formula).Error is { } error)
        {
            // Some messages name the position themselves ("第 8 个字符的左括号没有闭合。"): no second "第 8 个字符处".
            var where = error.Message.Contains("个字符", StringComparison.Ordinal) ? error.Message : error.ToString();
            return $"公式“{Formula.Shown(formula)}”有误：{where}公式由名称、数字、+ - * / 和括号组成，一组数可用 avg、sum、min、max，如 avg(月度考核分)。";
        }

        return string.IsNullOrWhiteSpace(reason) ? "修改计算公式须填写修改原因，它将记入审计日志。" : null;
    }

    /// <summary>The computed actual of a line from a formula (or the line's own) and inputs text; or a Chinese problem.</summary>
    private static (ActualValue? Actual, string? Problem) ComputedActual(EvaluationIndicator line, string? formulaText, string? inputsText)
    {
        var existing = line.Actual as ActualValue.Computed;
        formulaText = formulaText?.Trim() ?? existing?.Formula.Text;
        if (string.IsNullOrEmpty(formulaText))
        {
            return (null, $"“{line.Path}”没有计算公式：请先填写公式（如 支出 / 预算 * 100），再填写公式的输入值。");
        }

        var parsed = EvaluationSheetCells.ParseInputs(inputsText ?? (existing is null ? "" : EvaluationSheetCells.FormatInputs(existing.Inputs)), out var bad);
        if (bad.Count > 0)
        {
            return (null, $"输入“{bad[0]}”无法识别：应写成 名称=值，多个用“；”分隔，一组数写成 名称=[96.5, 97, …]。");
        }

        var inputs = new List<FormulaInput>();
        foreach (var (name, value, series) in parsed)
        {
            var values = (series ?? [value ?? ""]).Select(t => MeasuredValue.Parse(t.Trim())).ToList();
            if (values.FirstOrDefault(v => v.Value is null) is { } notNumber)
            {
                return (null, $"输入“{name}”的值“{notNumber.Text}”不是数值。");
            }

            inputs.Add(new FormulaInput(name, values, series is not null));
        }

        return (new ActualValue.Computed(Formula.Parse(formulaText), inputs), null);
    }

    /// <summary>Exact, as typed: no rounding and no trailing zeros ("1.5", "0.25").</summary>
    private static string Text(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Reporting.Reports;

/// <summary>Fills an <see cref="EvaluationReportModel"/> from the scorer's result: the only place that knows both.</summary>
public static class EvaluationReportMapper
{
    public static EvaluationReportModel From(ScoredEvaluation scored, EvaluationReportTexts? texts = null)
    {
        var sheet = scored.Sheet;
        var scale = sheet.GradeScale ?? GradeScale.Default;
        var items = scored.Items.Select(Item).ToList();
        var total = scored.Total;
        return new EvaluationReportModel(
            sheet.Project,
            sheet.Year,
            sheet.Kind == EvaluationKind.SelfEvaluation ? ReportKind.SelfEvaluation : ReportKind.Evaluation,
            items,
            total,
            scored.Grade ?? (total is { } t ? scale.GradeOf(t) : null),
            [.. scale.Bands.Select(b => new ReportGradeBand(b.Grade, b.Min))],
            [.. scored.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Indicator is null ? f.Message : $"{f.Indicator}：{f.Message}")],
            texts ?? EvaluationReportTexts.Empty);
    }

    private static ReportIndicator Item(ScoredIndicator s)
    {
        var ind = s.Indicator;
        return new ReportIndicator(
            s.Level1,
            s.Level2,
            s.Name,
            s.Weight,
            s.Score,
            ind.Target?.Text,
            ActualText(s),
            ReportText.Tighten(s.Explanation),
            s.Met,
            s.Method,
            [.. (ind.Deductions ?? []).Select(d => new ReportDeduction(d.Points, d.Reason))],
            ind.Reason);
    }

    /// <summary>
    /// The actual as printed: the measured value the line was scored on ("28个"), else the value the source states
    /// for a computed actual ("91.4%" for 3656.18 ÷ 4000), else the computed value to two decimals in the target's
    /// unit, else the 定性 rating.
    /// </summary>
    private static string? ActualText(ScoredIndicator s)
    {
        var ind = s.Indicator;
        var targetUnit = TargetUnit(ind.Target);
        if (ind.Actual is ActualValue.Measured m && !string.IsNullOrWhiteSpace(m.Value.Text))
        {
            // Reports often state a count's completion as a rate ("100%" against "28个"): the scorer reads it as
            // 28个, and the report says both.
            if (m.Value.Unit == "%" && targetUnit is not null and not "%" && s.Actual is { } scoredActual)
            {
                return $"{Format(scoredActual)}{targetUnit}（完成率{m.Value.Text.Trim()}）";
            }

            return m.Value.Text.Trim();
        }

        if (ind.StatedActual is { } stated && !string.IsNullOrWhiteSpace(stated.Text))
        {
            return stated.Text.Trim();
        }

        if (s.Actual is { } actual)
        {
            return Format(actual) + targetUnit;
        }

        return s.Rating?.Chinese();
    }

    private static string? TargetUnit(Target? target) => target switch
    {
        Target.Quantitative q => q.Unit,
        Target.Range r => r.Unit,
        _ => null,
    };

    private static string Format(decimal value) => ScoreRounding.Round(value).ToString("0.##", CultureInfo.InvariantCulture);
}

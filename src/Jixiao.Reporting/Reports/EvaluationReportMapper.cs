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

    /// <summary>The actual as the sheet states it ("91.4%"), else the computed value to two decimals in the target's unit.</summary>
    private static string? ActualText(ScoredIndicator s)
    {
        var ind = s.Indicator;
        if (ind.StatedActual is { } stated && !string.IsNullOrWhiteSpace(stated.Text))
        {
            return stated.Text.Trim();
        }

        if (ind.Actual is ActualValue.Measured m && !string.IsNullOrWhiteSpace(m.Value.Text))
        {
            return m.Value.Text.Trim();
        }

        if (s.Actual is { } actual)
        {
            var unit = ind.Target switch
            {
                Target.Quantitative q => q.Unit,
                Target.Range r => r.Unit,
                _ => null,
            };
            return Math.Round(actual, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + unit;
        }

        return s.Rating?.Chinese();
    }
}

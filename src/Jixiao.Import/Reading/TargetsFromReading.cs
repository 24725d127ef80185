using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Import.Imports;
using Jixiao.Import.Indicators;

namespace Jixiao.Import.Reading;

/// <summary>
/// A document read by the recognisers, as the importer's <see cref="ImportResult"/>: what the store keeps of a target
/// table. A targets or department-targets document gives its units (the 实施单位 / 申报单位, else the 主管部门),
/// projects (amounts in 万元) and indicators, each target parsed once by <see cref="TargetParser"/>; a document of
/// another kind gives no units and an error that says what it is, so it can be looked at but not stored as targets.
/// The multi-project layouts the importer reads itself come back as they are.
/// </summary>
public static class TargetsFromReading
{
    /// <summary>The document is not a target table: shown, rechecked, not stored as targets.</summary>
    public const string NotTargets = "RDG010";

    /// <summary>A project without a unit: the uploader's unit is not guessed.</summary>
    public const string NoUnit = "RDG011";

    /// <summary>A file of any format read for its target tables (what `jixiao review`, `export` and the upload store).</summary>
    public static ImportResult Import(string path) => ToImportResult(DocumentReader.Read(path));

    public static ImportResult ToImportResult(DocumentReader.Reading reading, int? fiscalYear = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Targets is { } legacy)
        {
            return legacy;
        }

        var d = reading.Document;
        var diagnostics = new List<Diagnostic>(d.Diagnostics);
        if (d.Kind is not (DocumentKind.Targets or DocumentKind.DepartmentTargets))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, NotTargets, new SourceLocation(d.File),
                $"此文件是{ReadDocument.KindTitle(d.Kind)}（读到 {d.Projects.Count} 个项目、{d.IndicatorCount} 个指标，复核发现 {d.Findings.Count} 处数字不符），"
                + "不是绩效目标表，不能作为目标表导入。读取和复核的结果见下方。"));
            return new ImportResult(d.File, Layout(d), null, MoneyUnit.WanYuan, d.StatedTotal, [], diagnostics);
        }

        var year = fiscalYear ?? YearOf(d.Title);
        var units = new List<BudgetUnit>();
        foreach (var group in d.Projects.GroupBy(p => p.Unit ?? p.Department))
        {
            if (group.Key is null)
            {
                foreach (var p in group)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, NoUnit, new SourceLocation(p.Location),
                        $"项目“{p.Name ?? "（未注明名称）"}”没有写明实施单位、申报单位或主管部门，无法归入单位。请在文件中写明单位后重新上传。"));
                }

                continue;
            }

            var projects = group.Select(p => new Project(
                p.Name ?? "（未注明项目）",
                year,
                new ProjectAmounts(p.AmountWanYuan, null, null, null, MoneyUnit.WanYuan, p.PeriodAmountWanYuan),
                new PerformanceGoal(p.Goal ?? p.PeriodGoal ?? "", p.PeriodGoal, p.PeriodGoal is null ? null : p.Goal),
                p.Indicators.Select((i, n) => ToIndicator(i, n + 1)).ToList(),
                new SourceLocation(p.Location),
                p.Code, p.PolicyBasis, p.CostBasis,
                p.Placeholders is { Count: > 0 } na ? na.Select((i, n) => ToIndicator(i, n + 1)).ToList() : null)).ToList();
            units.Add(new BudgetUnit(group.Key, group.First().Department, null, projects));
        }

        return new ImportResult(d.File, Layout(d), units.Select(u => u.Department).FirstOrDefault(x => x is not null), MoneyUnit.WanYuan, d.StatedTotal, units, diagnostics);
    }

    private static Indicator ToIndicator(ReadIndicator i, int number)
    {
        var resolved = CategoryResolver.Resolve(i.Level1 is null ? null : new CategoryToken(null, i.Level1), i.Level2 is null ? null : new CategoryToken(null, i.Level2));
        return new Indicator(resolved.Level1, resolved.Level2, i.Name,
            i.PeriodTarget is null ? null : TargetParser.Parse(i.PeriodTarget),
            i.Target is null ? null : TargetParser.Parse(i.Target),
            Weight: i.Weight, Level1Text: i.Level1, Level2Text: i.Level2, Number: number, Location: new SourceLocation(i.Location), Explanation: i.Explanation);
    }

    private static string Layout(ReadDocument d) => "reading-" + ReadDocument.KindName(d.Kind);

    private static int? YearOf(string? title)
    {
        var m = System.Text.RegularExpressions.Regex.Match(title ?? "", @"(20\d\d)\s*年");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}

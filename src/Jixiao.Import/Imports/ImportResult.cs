using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;

namespace Jixiao.Import.Imports;

/// <summary>
/// What one file held: its units with their projects, goals and indicators, the table's stated 合计, and every
/// diagnostic. Import is all-or-nothing: when <see cref="Succeeded"/> is false (an error diagnostic) the units may
/// be incomplete and must not be stored as the document's content.
/// </summary>
public sealed record ImportResult(
    string File,
    string Layout,
    string? Department,
    MoneyUnit AmountUnit,
    decimal? StatedTotal,
    IReadOnlyList<BudgetUnit> Units,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>True when no diagnostic is an error: every project and indicator of the file is in <see cref="Units"/>.</summary>
    public bool Succeeded => !HasErrors;

    public IEnumerable<Project> Projects => Units.SelectMany(u => u.Projects);

    public int IndicatorCount => Projects.Sum(p => p.Indicators.Count);
}

/// <summary>The layouts the importer recognises (the value of <see cref="ImportResult.Layout"/>).</summary>
public static class ImportLayouts
{
    /// <summary>Layout 1: 项目名称/总计/财政拨款/财政专户拨款/其他资金/绩效目标/绩效指标, one row per project (pipe text or Excel).</summary>
    public const string ProjectTable = "project-table";
    /// <summary>Layout 2: the same table as PDF-extracted text, rows wrapped over many lines.</summary>
    public const string ExtractedText = "extracted-text";
    /// <summary>Layout 4: one row per indicator (一级指标/二级指标/三级指标/指标值 …).</summary>
    public const string IndicatorRows = "indicator-rows";
    /// <summary>Layout 6: the single-project 绩效目标申报表 form, also one cell per line as copied from a web page.</summary>
    public const string DeclarationForm = "declaration-form";
    /// <summary>Nothing could be recognised.</summary>
    public const string Unknown = "unknown";
}

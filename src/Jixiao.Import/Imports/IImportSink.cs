using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;

namespace Jixiao.Import.Imports;

/// <summary>
/// Receives what a reader finds, in document order, so that a large file can be imported without keeping it in
/// memory (<see cref="TargetTableImporter.Import(Stream, string, IImportSink, ImportOptions?)"/>). The cross-checks
/// are done before the calls reach the sink; <see cref="ImportCollector"/> builds an <see cref="ImportResult"/>.
/// </summary>
public interface IImportSink
{
    void Layout(string layout);

    /// <summary>The document's header facts: 部门名称, 单位 (万元/元).</summary>
    void Document(string? department, MoneyUnit amountUnit);

    /// <summary>The table's 合计 row.</summary>
    void TableTotal(decimal? statedTotal, SourceLocation location);

    /// <summary>A unit row: the projects that follow belong to it.</summary>
    void Unit(string name, decimal? statedTotal, SourceLocation location);

    void Project(Project project);

    void Report(Diagnostic diagnostic);
}

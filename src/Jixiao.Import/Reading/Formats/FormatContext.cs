using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// What one read of one file shares across its grids: the limits, the diagnostics, the cell budget and the read's
/// cancellation (a time budget), checked with every cell.
/// </summary>
internal sealed class FormatContext(string fileName, FormatLimits limits, CancellationToken cancellationToken = default)
{
    private readonly List<Diagnostic> diagnostics = [];
    private long cells;
    private bool cellLimitReported;

    public string FileName { get; } = fileName;

    public FormatLimits Limits { get; } = limits;

    public CancellationToken CancellationToken => cancellationToken;

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    public bool HasErrors => diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>False once the document's cell budget is spent (reported once, at the first cell refused).</summary>
    public bool CellsLeft
    {
        get
        {
            cancellationToken.ThrowIfCancellationRequested();
            return !cellLimitReported;
        }
    }

    public void Report(Severity severity, string code, string? where, string message) =>
        diagnostics.Add(new Diagnostic(severity, code, new SourceLocation(FileName, null, where), message));

    public void Error(string code, string? where, string message) => Report(Severity.Error, code, where, message);

    public void Info(string code, string? where, string message) => Report(Severity.Info, code, where, message);

    /// <summary>Takes one cell from the budget; false (and one error) when the document has used them all.</summary>
    public bool TakeCell(string where)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (cellLimitReported)
        {
            return false;
        }

        if (++cells > Limits.MaxCells)
        {
            cellLimitReported = true;
            Error(FormatCodes.TooManyCells, where, $"文件中的单元格超过 {Limits.MaxCells:N0} 个的上限，从“{where}”起的内容未读取。");
            return false;
        }

        return true;
    }

    public void Corrupt(string format, string? where, string detail) =>
        Error(FormatCodes.Corrupt, where, $"文件已损坏或不完整（按 {format} 格式读取失败），无法读取：{detail}");
}

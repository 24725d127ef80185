using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Tables;

/// <summary>
/// One row of a table, from a pipe-text line or a worksheet row. <see cref="CellLocation"/> gives a cell's own
/// location ("Sheet1!G12") where the source has cells, else the row's line.
/// </summary>
public sealed class TableRow(IReadOnlyList<string> cells, SourceLocation location, string? sheet = null, int? rowNumber = null)
{
    public IReadOnlyList<string> Cells { get; } = cells;

    public SourceLocation Location { get; } = location;

    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    public SourceLocation CellLocation(int index) =>
        sheet is not null && rowNumber is { } row ? new SourceLocation(Location.File, null, $"{sheet}!{ColumnName(index)}{row}") : Location;

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index) => SourceLocation.ColumnName(index);

    public string Text => string.Join(" ", Cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()));
}

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Places the cells of a drawn table (Word, HTML) row by row the way HTML lays out rowspan and colspan: each cell takes
/// the first column of its row not covered by a merged cell from a row above. A merged cell is emitted once, at its
/// top-left position, with its spans.
/// </summary>
internal sealed class TableBuilder(string name, FormatContext context)
{
    private readonly List<List<Cell>> rows = [];
    private readonly Dictionary<int, int> coveredUntilRow = []; // column → last row (inclusive) covered by a rowspan
    private List<Cell>? current;
    private int column;
    private bool columnsReported;

    public int RowCount => rows.Count;

    public void StartRow()
    {
        current = [];
        rows.Add(current);
        column = 0;
    }

    /// <summary>Skips columns in the current row (Word's w:gridBefore).</summary>
    public void Skip(int columns) => column += Math.Max(0, columns);

    /// <summary>Adds the next cell of the current row; false when the document's cell budget is spent.</summary>
    public bool Add(string text, Func<int, int, string> location, int rowSpan = 1, int columnSpan = 1)
    {
        if (current is null)
        {
            StartRow();
        }

        var row = rows.Count - 1;
        while (coveredUntilRow.TryGetValue(column, out var until) && until >= row)
        {
            column++;
        }

        if (column >= context.Limits.MaxColumns)
        {
            if (!columnsReported)
            {
                columnsReported = true;
                context.Error(FormatCodes.TooManyColumns, location(row, column),
                    $"{name}的列数超过 {context.Limits.MaxColumns} 列的上限，超出的列未读取（从“{location(row, column)}”起）。");
            }

            return true;
        }

        rowSpan = Math.Max(1, rowSpan);
        columnSpan = Math.Clamp(columnSpan, 1, context.Limits.MaxColumns - column);
        var where = location(row, column);
        if (!context.TakeCell(where))
        {
            return false;
        }

        current!.Add(new Cell(text, row, column, where, rowSpan, columnSpan));
        if (rowSpan > 1)
        {
            for (var c = column; c < column + columnSpan; c++)
            {
                coveredUntilRow[c] = row + rowSpan - 1;
            }
        }

        column += columnSpan;
        return true;
    }

    /// <summary>The grid; a rowspan reaching below the last row is cut to the rows there are.</summary>
    public Grid Build()
    {
        var last = rows.Count - 1;
        var fixedRows = rows
            .Select(r => (IReadOnlyList<Cell>)r.Select(c => c.Row + c.RowSpan - 1 > last ? c with { RowSpan = last - c.Row + 1 } : c).ToList())
            .ToList();
        return new Grid(name, fixedRows);
    }
}

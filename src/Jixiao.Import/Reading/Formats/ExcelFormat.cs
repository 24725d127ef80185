using System.Text;
using ExcelDataReader;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// .xlsx and .xls through ExcelDataReader's reader API: one grid per worksheet, the non-empty cells (and every merged
/// range, even an empty one: a drawn box for a value) with Location "Sheet1!C12". A merged range is one cell at its
/// top-left with its spans; the cells it covers are not emitted. Numbers keep their printed text
/// (<see cref="ExcelNumberText"/>). Rows and columns beyond the limits are not read (FMT006, FMT007), so a lone cell at
/// XFD200000 costs the rows up to the limit, not minutes.
/// </summary>
internal static class ExcelFormat
{
    static ExcelFormat() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The sheets, or null after reporting why the workbook could not be opened.</summary>
    public static List<Grid>? Read(MemoryStream buffer, bool xlsx, FormatContext context)
    {
        var format = xlsx ? "xlsx" : "xls";
        IExcelDataReader reader;
        try
        {
            buffer.Position = 0;
            reader = xlsx ? ExcelReaderFactory.CreateOpenXmlReader(buffer) : ExcelReaderFactory.CreateBinaryReader(buffer);
        }
#pragma warning disable CA1031 // ExcelDataReader throws many exception types on damaged files; each becomes one diagnostic.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (ex.GetType().Name.Contains("Password", StringComparison.Ordinal) || ex.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
            {
                context.Error(FormatCodes.Encrypted, null, "Excel 文件设有密码或已加密，无法读取；请去掉密码后重新上传。");
            }
            else
            {
                context.Corrupt(format, null, Jixiao.Import.Imports.ReadFailure.Describe(ex));
            }

            return null;
        }

        var grids = new List<Grid>();
        using (reader)
        {
            var sheetNumber = 0;
            try
            {
                do
                {
                    sheetNumber++;
                    var grid = ReadSheet(reader, reader.Name ?? $"Sheet{sheetNumber}", context);
                    grids.Add(grid);
                    if (!context.CellsLeft)
                    {
                        break;
                    }
                }
                while (reader.NextResult());
            }
#pragma warning disable CA1031 // as above: a damaged sheet ends the reading with a diagnostic; the sheets read so far are kept.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                context.Corrupt(format, $"第{sheetNumber}个工作表", Jixiao.Import.Imports.ReadFailure.Describe(ex));
            }
        }

        return grids;
    }

    private static Grid ReadSheet(IExcelDataReader reader, string sheet, FormatContext context)
    {
        var limits = context.Limits;
        var spans = new Dictionary<(int Row, int Column), (int Rows, int Columns)>();
        var covered = new HashSet<(int Row, int Column)>();
        foreach (var range in reader.MergeCells ?? [])
        {
            if (range.FromRow >= limits.MaxRowsPerSheet || range.FromColumn >= limits.MaxColumns)
            {
                continue;
            }

            var toRow = Math.Min(range.ToRow, limits.MaxRowsPerSheet - 1);
            var toColumn = Math.Min(range.ToColumn, limits.MaxColumns - 1);
            spans[(range.FromRow, range.FromColumn)] = (toRow - range.FromRow + 1, toColumn - range.FromColumn + 1);
            // Covered positions are only needed where a covered cell could hold a stray value; cap the work per range.
            if ((long)(toRow - range.FromRow + 1) * (toColumn - range.FromColumn + 1) <= 100_000)
            {
                for (var r = range.FromRow; r <= toRow; r++)
                {
                    for (var c = range.FromColumn; c <= toColumn; c++)
                    {
                        if (r != range.FromRow || c != range.FromColumn)
                        {
                            covered.Add((r, c));
                        }
                    }
                }
            }
        }

        var rows = new List<IReadOnlyList<Cell>>();
        var row = -1;
        var columnsReported = false;
        while (reader.Read())
        {
            row++;
            if (row >= limits.MaxRowsPerSheet)
            {
                context.Error(FormatCodes.TooManyRows, $"{sheet}!A{row + 1}",
                    $"工作表“{sheet}”超过 {limits.MaxRowsPerSheet:N0} 行的上限，从第 {row + 1} 行起未读取。");
                break;
            }

            var fieldCount = reader.FieldCount;
            if (fieldCount > limits.MaxColumns && !columnsReported)
            {
                columnsReported = true;
                context.Error(FormatCodes.TooManyColumns, $"{sheet}!{SourceLocation.ColumnName(limits.MaxColumns)}1",
                    $"工作表“{sheet}”使用了 {fieldCount:N0} 列，超过 {limits.MaxColumns:N0} 列的上限，第 {SourceLocation.ColumnName(limits.MaxColumns)} 列及以后未读取。");
            }

            List<Cell>? cells = null;
            var columns = Math.Min(fieldCount, limits.MaxColumns);
            for (var column = 0; column < columns; column++)
            {
                var value = reader.GetValue(column);
                var merged = spans.TryGetValue((row, column), out var span);
                if (value is null && !merged || covered.Contains((row, column)))
                {
                    continue;
                }

                var text = value is null ? "" : ExcelNumberText.Format(value, SafeFormat(reader, column));
                if (text.Length == 0 && !merged)
                {
                    continue;
                }

                var where = $"{sheet}!{SourceLocation.ColumnName(column)}{row + 1}";
                if (!context.TakeCell(where))
                {
                    return Done(sheet, rows, cells);
                }

                cells ??= [];
                cells.Add(merged ? new Cell(text, row, column, where, span.Rows, span.Columns) : new Cell(text, row, column, where));
            }

            if (cells is not null)
            {
                rows.Add(cells);
            }
        }

        return new Grid(sheet, rows);
    }

    private static Grid Done(string sheet, List<IReadOnlyList<Cell>> rows, List<Cell>? cells)
    {
        if (cells is not null)
        {
            rows.Add(cells);
        }

        return new Grid(sheet, rows);
    }

    private static string? SafeFormat(IExcelDataReader reader, int column)
    {
        try
        {
            return reader.GetNumberFormatString(column);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NullReferenceException)
        {
            return null;
        }
    }
}

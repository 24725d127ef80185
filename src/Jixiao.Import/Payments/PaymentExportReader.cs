using System.Globalization;
using System.Text.Json;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Reading;
using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Payments;

/// <summary>
/// One payment of the export: the project's 项目编码 as written, the amount in 分 (a refund or 冲销 is negative), the
/// payment's day when the export has a date column, and the unit and project name when it has those columns.
/// </summary>
public sealed record PaymentLine(string Code, long AmountFen, DateOnly? PaidOn, string? Unit, string? ProjectName, string Location);

/// <summary>
/// A payment export as read: its lines, whether amounts were in 万元 (else 元), whether it had a date column, and
/// every line not used as a diagnostic (PAY001–PAY004). <see cref="Lines"/> is empty when the file has an error.
/// </summary>
public sealed record PaymentExport(string FileName, string Format, IReadOnlyList<PaymentLine> Lines, bool InWanYuan, bool HasDates,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads the payment export of a budget system (一体化 / 国库集中支付: one row per payment, or one per project with its
/// total) as CSV (UTF-8 or GBK, comma or tab) or a workbook (.xlsx/.xls, any format <see cref="FormatReader"/> takes):
/// the header is the first row, within the first 30 of a sheet, that has a 项目编码 column and an amount column (the
/// headings are data: Data/payment-export-columns.json). Never throws on input; every row below the header is a
/// payment or a diagnostic: PAY001 no such header (error), PAY002 an amount that is not a number (error: a sum
/// with a line left out would be wrong), PAY003 a row without a code (warning, not counted), PAY004 a date that
/// cannot be read (error, when the export has dates).
/// </summary>
public static class PaymentExportReader
{
    private const int HeaderSearchRows = 30;

    private static readonly Columns Headings = LoadColumns();

    public static PaymentExport Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        var grids = FormatReader.Read(stream, fileName);
        var diagnostics = new List<Diagnostic>(grids.Diagnostics);
        if (grids.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new PaymentExport(fileName, grids.Format, [], false, false, diagnostics);
        }

        foreach (var grid in grids.Grids)
        {
            var rows = grids.Format == "text" ? CsvRows(grid) : CellRows(grid);
            if (Read(rows, fileName, grids.Format, diagnostics) is { } export)
            {
                return export;
            }
        }

        diagnostics.Add(new Diagnostic(Severity.Error, "PAY001", new SourceLocation(fileName),
            $"文件中没有找到同时含“{Headings.Code[0]}”和支付金额（如“{Headings.Amount[0]}”）的表头行，无法读取支付数据。"));
        return new PaymentExport(fileName, grids.Format, [], false, false, diagnostics);
    }

    private sealed record Row(IReadOnlyList<string> Cells, int Line, string Location);

    private static PaymentExport? Read(List<Row> rows, string fileName, string format, List<Diagnostic> diagnostics)
    {
        for (var h = 0; h < Math.Min(HeaderSearchRows, rows.Count); h++)
        {
            var header = rows[h].Cells.Select(Key).ToList();
            var code = header.FindIndex(c => Headings.Code.Contains(c, StringComparer.Ordinal));
            var amount = header.FindIndex(c => Headings.Amount.Contains(Unitless(c), StringComparer.Ordinal));
            if (code < 0 || amount < 0)
            {
                continue;
            }

            var inWanYuan = header[amount].Contains("万元", StringComparison.Ordinal);
            var date = header.FindIndex(c => Headings.Date.Contains(c, StringComparer.Ordinal));
            var unit = header.FindIndex(c => Headings.Unit.Contains(c, StringComparer.Ordinal));
            var name = header.FindIndex(c => Headings.Name.Contains(c, StringComparer.Ordinal));
            var lines = new List<PaymentLine>();
            foreach (var row in rows.Skip(h + 1))
            {
                string? Cell(int i) => i >= 0 && i < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i].Trim() : null;
                if (row.Cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var codeText = Cell(code);
                var amountText = Cell(amount);
                if (codeText is null)
                {
                    // A 合计 row or a note under the table: not a payment of a project.
                    diagnostics.Add(new Diagnostic(Severity.Warning, "PAY003", new SourceLocation(fileName, row.Line),
                        $"{row.Location}没有项目编码，未计入（{Describe(row.Cells)}）。"));
                    continue;
                }

                if (Money(amountText, inWanYuan) is not { } fen)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, "PAY002", new SourceLocation(fileName, row.Line),
                        $"{row.Location}项目编码 {codeText} 的支付金额“{amountText}”不是数字。"));
                    continue;
                }

                DateOnly? paidOn = null;
                if (date >= 0)
                {
                    paidOn = Day(Cell(date));
                    if (paidOn is null)
                    {
                        diagnostics.Add(new Diagnostic(Severity.Error, "PAY004", new SourceLocation(fileName, row.Line),
                            $"{row.Location}项目编码 {codeText} 的支付日期“{Cell(date)}”无法识别（应如 2026-07-15）。"));
                        continue;
                    }
                }

                lines.Add(new PaymentLine(codeText, fen, paidOn, Cell(unit), Cell(name), row.Location));
            }

            return new PaymentExport(fileName, format, diagnostics.Any(d => d.Severity == Severity.Error) ? [] : lines, inWanYuan, date >= 0, diagnostics);
        }

        return null;
    }

    /// <summary>An amount as exports print it: 1,234.56, ¥1234.56, -100.00 or (100.00) for a refund; 元 or 万元 → 分, rounded to the 分.</summary>
    public static long? Money(string? text, bool inWanYuan)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not (',' or '，' or '¥' or '￥'))).Replace("元", "", StringComparison.Ordinal);
        var negative = t.StartsWith('(') && t.EndsWith(')') || t.StartsWith('（') && t.EndsWith('）');
        if (negative)
        {
            t = t[1..^1];
        }

        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        value = (negative ? -value : value) * (inWanYuan ? 1_000_000m : 100m);
        return (long)decimal.Round(value, MidpointRounding.AwayFromZero);
    }

    private static readonly string[] DayFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm"];

    private static DateOnly? Day(string? text) =>
        text is not null && DateTime.TryParseExact(text.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? DateOnly.FromDateTime(at)
            : null;

    /// <summary>A heading without blanks or a trailing unit: 支付金额（元） → 支付金额.</summary>
    private static string Unitless(string heading)
    {
        foreach (var suffix in new[] { "(元)", "（元）", "(万元)", "（万元）" })
        {
            if (heading.EndsWith(suffix, StringComparison.Ordinal))
            {
                return heading[..^suffix.Length];
            }
        }

        return heading;
    }

    private static string Key(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Describe(IReadOnlyList<string> cells) =>
        string.Join(" ", cells.Where(c => !string.IsNullOrWhiteSpace(c)).Take(4).Select(c => c.Trim())) is { Length: > 0 } s ? s : "空行";

    private static List<Row> CellRows(Grid grid) => grid.Rows.Where(r => r.Count > 0).Select(r =>
    {
        var cells = new string[r.Max(c => c.Column) + 1];
        Array.Fill(cells, "");
        foreach (var c in r)
        {
            cells[c.Column] = c.Text;
        }

        return new Row(cells, r[0].Row + 1, grid.Name.Length > 0 ? $"{grid.Name} 第{r[0].Row + 1}行" : $"第{r[0].Row + 1}行");
    }).ToList();

    /// <summary>The lines of a CSV (RFC 4180 quotes, a quoted field may span lines), split by commas, or by tabs when the first line has tabs and no commas.</summary>
    private static List<Row> CsvRows(Grid grid)
    {
        var lines = grid.Rows.Select(r => (Text: r.Count > 0 ? r[0].Text : "", Location: r.Count > 0 ? r[0].Location : "")).ToList();
        var separator = lines.FirstOrDefault(l => l.Text.Length > 0).Text is { } first && first.Contains('\t', StringComparison.Ordinal)
            && !first.Contains(',', StringComparison.Ordinal) ? '\t' : ',';
        var rows = new List<Row>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = i + 1;
            var location = lines[i].Location;
            var text = lines[i].Text;
            while (text.Count(c => c == '"') % 2 == 1 && i + 1 < lines.Count)
            {
                text += "\n" + lines[++i].Text;
            }

            rows.Add(new Row(Split(text, separator), line, location));
        }

        return rows;
    }

    private static List<string> Split(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private sealed record Columns(string[] Code, string[] Amount, string[] Date, string[] Unit, string[] Name);

    private static Columns LoadColumns()
    {
        using var stream = typeof(PaymentExportReader).Assembly.GetManifestResourceStream("Jixiao.Import.Payments.Data.payment-export-columns.json")
            ?? throw new InvalidOperationException("payment-export-columns.json is not embedded.");
        using var json = JsonDocument.Parse(stream);
        string[] List(string name) => json.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
        return new Columns(List("code"), List("amount"), List("date"), List("unit"), List("name"));
    }
}

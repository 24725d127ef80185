using System.Globalization;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Text;
using Jixiao.Import.Imports;
using Jixiao.Import.Tables;
using Jixiao.Import.Text;

namespace Jixiao.Import.Pdf;

/// <summary>
/// A PDF whose project table is drawn as a grid (layout 1 printed from Word, Excel or a web page): the columns stand
/// side by side, so text lines mix goal and indicator text. The words and their positions come from
/// `pdftotext -tsv`; the header words (项目名称, 总计, 财政拨款, 财政…, 其他…, 绩效目标, 绩效指标) give each column's
/// left edge, every word goes to the column it starts in, and a row starts at a line with an amount in the 总计 or
/// 财政拨款 column (cells aligned to the top, as these tables are). Rows then go through <see cref="ProjectTableReader"/>.
/// </summary>
internal static class PdfGridReader
{
    private sealed record Word(int Page, double Left, double Top, double Width, string Text);

    private sealed record Line(int Page, int Number, List<Word> Words)
    {
        public string Text => string.Join(" ", Words.Select(w => w.Text));
    }

    /// <summary>Reads the TSV; false (nothing reported) when the PDF holds no grid table with the standard header.</summary>
    public static bool TryRead(string tsv, ImportContext context)
    {
        var lines = Lines(tsv);
        var header = FindHeader(lines);
        if (header is null || !IsGrid(lines, header.Value.Starts, header.Value.LineIndex))
        {
            return false;
        }

        context.Layout(ImportLayouts.ProjectTable);
        var reader = new ProjectTableReader(context);
        reader.Header(ProjectTableReader.Columns.Standard);
        var starts = header.Value.Starts;

        List<string>? cells = null;
        SourceLocation? rowLocation = null;
        var skippingHeader = false;
        foreach (var line in lines)
        {
            var location = new SourceLocation(context.File, null, $"第{line.Page}页第{line.Number}行");
            var byColumn = new string[7];
            var lastEnd = new double[7];
            foreach (var word in line.Words)
            {
                // Words of one cell on one line: a visible gap was a space in the source; pdftotext also splits at font changes.
                var column = Column(starts, word.Left);
                byColumn[column] = byColumn[column] is null ? word.Text
                    : byColumn[column] + (word.Left - lastEnd[column] > 1.0 ? " " : "") + word.Text;
                lastEnd[column] = word.Left + word.Width;
            }

            if (IsHeaderLine(line))
            {
                skippingHeader = true;
                continue;
            }

            var hasAmount = Amounts.IsAmountToken(byColumn[1] ?? "") || Amounts.IsAmountToken(byColumn[2] ?? "");
            var nameIsTotal = byColumn[0] is { } n && ProjectRows.IsTotalName(n);
            if (skippingHeader && !hasAmount && !nameIsTotal && byColumn[5] is null && byColumn[6] is null)
            {
                continue;
            }

            skippingHeader = false;
            // Page numbers, and a title repeated at the top of a page, inside the table.
            if (cells is not null && !hasAmount && line.Words.Count == 1 && Preamble.TryRead(line.Words[0].Text) is not null)
            {
                continue;
            }

            if (cells is null && !hasAmount && !nameIsTotal)
            {
                if (Preamble.TryRead(line.Text) is { } preamble)
                {
                    context.Apply(preamble);
                }
                else
                {
                    context.Report(Severity.Warning, ImportCodes.UnusedLine, location, $"表格之外的文字未读取：“{line.Text}”。");
                }

                continue;
            }

            if (hasAmount || nameIsTotal)
            {
                if (cells is not null)
                {
                    reader.Accept(new TableRow(cells, rowLocation!));
                }

                cells = byColumn.Select(c => c ?? "").ToList();
                rowLocation = location;
                continue;
            }

            for (var i = 0; i < 7; i++)
            {
                if (byColumn[i] is { } text)
                {
                    cells![i] += text;
                }
            }
        }

        if (cells is not null)
        {
            reader.Accept(new TableRow(cells, rowLocation!));
        }

        reader.Flush();
        return true;
    }

    /// <summary>
    /// A grid has words starting in the 绩效目标 and 绩效指标 columns on most lines; flowing text (003 printed as is) has a
    /// header line that looks like one but its text starts at the left margin.
    /// </summary>
    private static bool IsGrid(List<Line> lines, double[] starts, int headerIndex)
    {
        var after = lines.Skip(headerIndex + 1).Take(200).ToList();
        var inRightColumns = after.Count(l => l.Words.Any(w => Column(starts, w.Left) >= 5));
        return after.Count > 0 && inRightColumns * 10 >= after.Count * 3;
    }

    private static int Column(double[] starts, double left)
    {
        var column = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            if (starts[i] >= 0 && left + 3 >= starts[i])
            {
                column = i;
            }
        }

        return column;
    }

    private static bool IsHeaderLine(Line line) =>
        line.Words.Any(w => Key(w.Text) == "绩效指标") && line.Words.Any(w => Key(w.Text) == "绩效目标");

    private static string Key(string text) => ChineseText.Collapse(text);

    /// <summary>The header's column left edges: 项目名称, 总计, 财政拨款, 财政专户拨款, 其他资金, 绩效目标, 绩效指标 (-1 when absent).</summary>
    private static (double[] Starts, int LineIndex)? FindHeader(List<Line> lines)
    {
        for (var i = 0; i < lines.Count && i < 80; i++)
        {
            if (!IsHeaderLine(lines[i]))
            {
                continue;
            }

            var starts = Enumerable.Repeat(-1.0, 7).ToArray();
            foreach (var word in lines[i].Words)
            {
                var key = Key(word.Text);
                var column = key.StartsWith("项目名称", StringComparison.Ordinal) ? 0
                    : key.StartsWith("总计", StringComparison.Ordinal) || key == "合计" ? 1
                    : key.StartsWith("财政拨款", StringComparison.Ordinal) ? 2
                    : key.StartsWith("财政", StringComparison.Ordinal) ? 3
                    : key.StartsWith("其他", StringComparison.Ordinal) ? 4
                    : key.StartsWith("绩效目标", StringComparison.Ordinal) ? 5
                    : key.StartsWith("绩效指标", StringComparison.Ordinal) ? 6
                    : -1;
                if (column >= 0 && starts[column] < 0)
                {
                    starts[column] = word.Left;
                }
            }

            if (starts[0] >= 0 && starts[1] >= 0 && starts[5] >= 0 && starts[6] >= 0)
            {
                return (starts, i);
            }
        }

        return null;
    }

    /// <summary>The words of the TSV grouped into visual lines (same page, same top) in reading order.</summary>
    private static List<Line> Lines(string tsv)
    {
        var words = new List<Word>();
        using var reader = new StringReader(tsv);
        while (reader.ReadLine() is { } row)
        {
            var f = row.Split('\t');
            if (f.Length < 12 || f[0] != "5")
            {
                continue;
            }

            if (int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page)
                && double.TryParse(f[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
                && double.TryParse(f[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var top)
                && double.TryParse(f[8], NumberStyles.Float, CultureInfo.InvariantCulture, out var width))
            {
                words.Add(new Word(page, left, top, width, string.Join("\t", f.Skip(11))));
            }
        }

        var lines = new List<Line>();
        foreach (var group in words.GroupBy(w => w.Page).OrderBy(g => g.Key))
        {
            var number = 0;
            foreach (var visual in group.OrderBy(w => w.Top).ThenBy(w => w.Left).Aggregate(new List<List<Word>>(), (acc, w) =>
                     {
                         if (acc.Count > 0 && Math.Abs(acc[^1][0].Top - w.Top) < 2)
                         {
                             acc[^1].Add(w);
                         }
                         else
                         {
                             acc.Add([w]);
                         }

                         return acc;
                     }))
            {
                lines.Add(new Line(group.Key, ++number, visual.OrderBy(w => w.Left).ToList()));
            }
        }

        return lines;
    }
}

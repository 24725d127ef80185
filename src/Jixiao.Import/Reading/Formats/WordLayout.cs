using System.Text;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Rebuilds rows and columns from positioned text (PDF letters, pdftotext words, Tesseract word boxes): a row is a
/// line of glyphs on one baseline; within a line a gap wider than about one character starts a new cell; a cell's
/// column is the left edge it shares with cells of other lines (left edges that repeat across rows are the columns
/// of a table, as in a Word table printed to PDF). Glyphs of one cell are joined without a space where both sides are
/// Chinese (Tesseract gives each 汉字 as a word of its own), with a space where the gap shows one.
/// </summary>
internal static class WordLayout
{
    /// <summary>A glyph or word: its text, its box (y grows downwards), the y of its line (baseline or centre) and how sure the reading is.</summary>
    public sealed record Glyph(string Text, double Left, double Right, double Top, double Bottom, double LineY, double Confidence = 1.0)
    {
        public double Height => Math.Max(0.1, Bottom - Top);
    }

    /// <summary>The text of a glyph that is a drawn vertical rule: it ends a cell and is not text.</summary>
    public const string Rule = "\u0001";

    private sealed record Segment(int Line, double Left, double Right, string Text, double Confidence);

    /// <summary>
    /// A drawn line of the page: a horizontal one (a table's row border) with its y from the top and its x extent,
    /// or a vertical one (a column border) with <see cref="Y"/> NaN and its x as both ends.
    /// </summary>
    /// <remarks>
    /// A vertical rule may know its extent (<see cref="Top"/>, <see cref="Bottom"/>, as a scan's do): on the lines it
    /// crosses, text on its two sides is two cells even where the gap is narrow or a stray glyph bridges it.
    /// </remarks>
    public sealed record HRule(double Y, double Left, double Right, double Top = double.NaN, double Bottom = double.NaN)
    {
        public bool IsVertical => double.IsNaN(Y);

        public bool Crosses(double y) => IsVertical && !double.IsNaN(Top) && Top <= y && y <= Bottom;
    }

    public static Grid Build(string name, IReadOnlyList<Glyph> glyphs, Func<int, string> lineLocation, IReadOnlyList<HRule>? rules = null)
    {
        var lines = Lines(glyphs);
        var segments = new List<Segment>();
        for (var i = 0; i < lines.Count; i++)
        {
            var y = lines[i][0].LineY;
            var borders = rules?.Where(r => r.Crosses(y)).Select(r => r.Left).Order().ToList();
            segments.AddRange(Segments(i, lines[i], borders is { Count: > 0 } ? borders : null));
        }

        if (segments.Count == 0)
        {
            return new Grid(name, []);
        }

        var height = Median(glyphs.Select(g => g.Height));
        var anchors = ColumnBorders(rules) ?? Anchors(segments, height * 0.6);
        rules = rules?.Where(r => !r.IsVertical).ToList();
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var line in segments.GroupBy(s => s.Line).OrderBy(g => g.Key))
        {
            var cells = new List<Cell>();
            foreach (var group in line.GroupBy(s => Column(anchors, s.Left, height * 0.6)).OrderBy(g => g.Key))
            {
                var parts = group.OrderBy(s => s.Left).ToList();
                var text = string.Join(" ", parts.Select(p => p.Text));
                var right = parts[^1].Right;
                var span = 1;
                while (group.Key + span < anchors.Count && anchors[group.Key + span] < right - height * 0.6 && !line.Any(s => Column(anchors, s.Left, height * 0.6) == group.Key + span))
                {
                    span++;
                }

                cells.Add(new Cell(text, line.Key, group.Key, lineLocation(line.Key + 1), 1, span, parts.Min(p => p.Confidence)));
            }

            rows.Add(cells);
        }

        if (rules is { Count: >= 3 })
        {
            rows = MergeBands(rows, lines.Select(l => l[0].LineY).ToList(), rules, anchors, height);
        }

        return new Grid(name, rows);
    }

    /// <summary>
    /// A printed table's cells are the areas between its drawn lines: the lines of text of one column between the
    /// same two rules that cross that column are one cell (a wrapped name, a merged 一级 whose text spans rows),
    /// placed in the row where it starts. Rows are the bands between the rules that cross the last column, which
    /// every row of a table has. Text outside the ruled area keeps its lines.
    /// </summary>
    private static List<IReadOnlyList<Cell>> MergeBands(List<IReadOnlyList<Cell>> rows, List<double> lineY, IReadOnlyList<HRule> rules, List<double> anchors, double height)
    {
        var lastX = anchors.Count > 0 ? anchors[^1] + height : 0;
        int Band(double x, double y) => rules.Count(r => r.Y < y && r.Left - 1 <= x && x <= r.Right + 1);
        bool Ruled(double x, double y) => rules.Any(r => r.Y < y && r.Left - 1 <= x && x <= r.Right + 1) && rules.Any(r => r.Y > y && r.Left - 1 <= x && x <= r.Right + 1);

        var cells = new List<(int RowBand, int Line, int Column, int Own, Cell Cell)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var y = lineY[i];
            foreach (var cell in rows[i])
            {
                var x = (cell.Column < anchors.Count ? anchors[cell.Column] : 0) + height * 0.5;
                if (!Ruled(x, y))
                {
                    cells.Add((-1, i, cell.Column, -1 - i, cell));
                    continue;
                }

                cells.Add((Band(lastX, y), i, cell.Column, Band(x, y), cell));
            }
        }

        // One cell per column and own band, starting where its first line is.
        var merged = new List<(double Order, int Column, Cell Cell)>();
        foreach (var group in cells.GroupBy(c => (c.Column, c.Own, Outside: c.RowBand < 0 ? c.Line : -1)))
        {
            var parts = group.OrderBy(c => c.Line).ToList();
            var first = parts[0];
            var text = parts[0].Cell.Text;
            foreach (var p in parts.Skip(1))
            {
                text = JoinText(text, p.Cell.Text);
            }

            var order = first.RowBand < 0 ? first.Line : first.RowBand < 0 ? first.Line : FirstLineOfBand(first.RowBand);
            merged.Add((order, first.Column, first.Cell with
            {
                Text = text,
                Confidence = parts.Min(p => p.Cell.Confidence),
                ColumnSpan = parts.Max(p => p.Cell.ColumnSpan),
            }));
        }

        var result = new List<IReadOnlyList<Cell>>();
        foreach (var row in merged.GroupBy(m => m.Order).OrderBy(g => g.Key))
        {
            result.Add(row.OrderBy(m => m.Column).Select(m => m.Cell with { Row = result.Count }).ToList());
        }

        return result;

        // Rows of the ruled area are ordered by the first line of text that falls in their band.
        double FirstLineOfBand(int band)
        {
            for (var i = 0; i < lineY.Count; i++)
            {
                if (Band(lastX, lineY[i]) == band)
                {
                    return i;
                }
            }

            return lineY.Count;
        }
    }

    private static string JoinText(string a, string b) => a.Length > 0 && b.Length > 0 && IsCjk(a[^1]) && IsCjk(b[0]) ? a + b : a + " " + b;

    /// <summary>Glyphs grouped by line (close line y, relative to the glyph height), each line sorted left to right.</summary>
    private static List<List<Glyph>> Lines(IReadOnlyList<Glyph> glyphs)
    {
        var lines = new List<(double Y, double Height, List<Glyph> Glyphs)>();
        foreach (var glyph in glyphs.OrderBy(g => g.LineY))
        {
            var index = -1;
            for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - 3; i--)
            {
                if (Math.Abs(lines[i].Y - glyph.LineY) <= 0.45 * Math.Max(glyph.Height, lines[i].Height))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                lines.Add((glyph.LineY, glyph.Height, [glyph]));
            }
            else
            {
                var line = lines[index];
                line.Glyphs.Add(glyph);
                lines[index] = (line.Y + (glyph.LineY - line.Y) / line.Glyphs.Count, Math.Max(line.Height, glyph.Height), line.Glyphs);
            }
        }

        return lines.Select(l => l.Glyphs.OrderBy(g => g.Left).ToList()).ToList();
    }

    private static IEnumerable<Segment> Segments(int line, List<Glyph> glyphs, List<double>? borders)
    {
        var height = Median(glyphs.Select(g => g.Height));
        var text = new StringBuilder();
        Glyph? first = null, previous = null;
        double confidence = 1;
        foreach (var glyph in glyphs)
        {
            if (glyph.Text == Rule)
            {
                if (first is not null)
                {
                    yield return new Segment(line, first.Left, previous!.Right, text.ToString(), confidence);
                }

                text.Clear();
                first = null;
                previous = null;
                confidence = 1;
                continue;
            }

            if (previous is not null)
            {
                var gap = glyph.Left - previous.Right;
                var p = previous;
                if (gap > height * 0.9 || (borders is not null && borders.Any(b => (p.Left + p.Right) / 2 < b && b < (glyph.Left + glyph.Right) / 2)))
                {
                    yield return new Segment(line, first!.Left, previous.Right, text.ToString(), confidence);
                    text.Clear();
                    first = null;
                    confidence = 1;
                }
                else if (gap > height * 0.2 && !(EndsHan(text) && StartsHan(glyph.Text)))
                {
                    text.Append(' ');
                }
            }

            first ??= glyph;
            text.Append(glyph.Text);
            confidence = Math.Min(confidence, glyph.Confidence);
            previous = glyph;
        }

        if (first is not null)
        {
            yield return new Segment(line, first.Left, previous!.Right, text.ToString(), confidence);
        }
    }

    private static bool EndsHan(StringBuilder text) => text.Length > 0 && IsCjk(text[^1]);

    private static bool StartsHan(string text) => text.Length > 0 && IsCjk(text[0]);

    /// <summary>汉字 and the full-width punctuation set between them (，。：（）％), which never take a space.</summary>
    private static bool IsCjk(char c) => ChineseText.IsHan(c) || c is >= '\u3000' and <= '\u303F' || c is >= '\uFF00' and <= '\uFFEF';

    /// <summary>Left edges shared by segments of at least two lines, in x order; the leftmost edge when none repeats.</summary>
    private static List<double> Anchors(List<Segment> segments, double tolerance)
    {
        var clusters = new List<(double X, HashSet<int> Lines)>();
        foreach (var segment in segments.OrderBy(s => s.Left))
        {
            if (clusters.Count > 0 && segment.Left - clusters[^1].X <= tolerance)
            {
                clusters[^1].Lines.Add(segment.Line);
            }
            else
            {
                clusters.Add((segment.Left, [segment.Line]));
            }
        }

        var anchors = clusters.Where(c => c.Lines.Count >= 2).Select(c => c.X).ToList();
        return anchors.Count > 0 ? anchors : [clusters[0].X];
    }

    /// <summary>The x of a printed table's column borders, when it has at least three: the columns of its grid.</summary>
    private static List<double>? ColumnBorders(IReadOnlyList<HRule>? rules)
    {
        if (rules is null)
        {
            return null;
        }

        var xs = rules.Where(r => r.IsVertical).Select(r => r.Left).OrderBy(x => x).ToList();
        var merged = new List<double>();
        foreach (var x in xs)
        {
            if (merged.Count == 0 || x - merged[^1] > 2.0)
            {
                merged.Add(x);
            }
        }

        // A cell starts right of its border; the last border closes the table and starts no column.
        return merged.Count >= 3 ? merged.Take(merged.Count - 1).Select(x => x - 1.0).ToList() : null;
    }

    private static int Column(List<double> anchors, double left, double tolerance)
    {
        var column = 0;
        for (var i = 0; i < anchors.Count; i++)
        {
            if (anchors[i] <= left + tolerance)
            {
                column = i;
            }
        }

        return column;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 1 : sorted[sorted.Count / 2];
    }
}

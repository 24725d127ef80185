namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// The cells of a drawn table from its rules: the bands between horizontal rules, cut by the vertical rules that
/// cross each band; a cell whose lower rule is missing over its width runs on into the band below (a merged
/// 一级指标), one whose inner border is missing spans the columns (a merged 项目名称 value). Each cell is a box of
/// the page image that is recognised on its own, so text never bleeds from one cell into the next.
/// </summary>
internal static class RuledTable
{
    /// <summary>A cell's box in pixels, its row band and first column, and how many of each it covers.</summary>
    public sealed record Box(int Left, int Top, int Right, int Bottom, int Row, int Column, int RowSpan, int ColumnSpan);

    /// <summary>The table's cells (row-major), or null when the rules do not make a table of at least 2 rows and 2 columns.</summary>
    public static List<Box>? Cells(IReadOnlyList<WordLayout.HRule> rules, double tolerance)
    {
        var horizontal = rules.Where(r => !r.IsVertical).ToList();
        var vertical = rules.Where(r => r.IsVertical && !double.IsNaN(r.Top)).ToList();
        if (horizontal.Count < 3 || vertical.Count < 3)
        {
            return null;
        }

        // Row lines: horizontal rules at one y (within the tolerance) are one line with all their segments.
        var lines = new List<(double Y, List<(double Left, double Right)> Spans)>();
        foreach (var r in horizontal.OrderBy(r => r.Y))
        {
            if (lines.Count > 0 && r.Y - lines[^1].Y <= tolerance)
            {
                lines[^1].Spans.Add((r.Left, r.Right));
            }
            else
            {
                lines.Add((r.Y, [(r.Left, r.Right)]));
            }
        }

        var columns = vertical.Select(r => r.Left).Distinct().Order().ToList();
        if (lines.Count < 3 || columns.Count < 3)
        {
            return null;
        }

        bool Covers(List<(double Left, double Right)> spans, double x) => spans.Any(s => s.Left - tolerance <= x && x <= s.Right + tolerance);
        int ColumnOf(double x) => columns.Select((c, i) => (Distance: Math.Abs(c - x), i)).MinBy(t => t.Distance).i;

        // Per band, the intervals between the vertical rules that cross its middle.
        var bands = new List<List<(double Left, double Right)>>();
        for (var b = 0; b + 1 < lines.Count; b++)
        {
            var mid = (lines[b].Y + lines[b + 1].Y) / 2;
            var xs = vertical.Where(r => r.Top - tolerance <= mid && mid <= r.Bottom + tolerance).Select(r => r.Left).Distinct().Order().ToList();
            var intervals = new List<(double Left, double Right)>();
            for (var i = 0; i + 1 < xs.Count; i++)
            {
                if (xs[i + 1] - xs[i] > tolerance * 2)
                {
                    intervals.Add((xs[i], xs[i + 1]));
                }
            }

            bands.Add(intervals);
        }

        bool Same((double Left, double Right) a, (double Left, double Right) b) => Math.Abs(a.Left - b.Left) <= tolerance && Math.Abs(a.Right - b.Right) <= tolerance;
        var cells = new List<Box>();
        var taken = new HashSet<(int Band, int Interval)>();
        for (var b = 0; b < bands.Count; b++)
        {
            for (var k = 0; k < bands[b].Count; k++)
            {
                var (left, right) = bands[b][k];
                if (!taken.Add((b, k)))
                {
                    continue;
                }

                // Runs on down while the line below is not drawn under this cell and the band below has the same cell.
                var last = b;
                while (last + 1 < bands.Count && !Covers(lines[last + 1].Spans, (left + right) / 2)
                    && bands[last + 1].FindIndex(i => Same(i, (left, right))) is var next and >= 0)
                {
                    last++;
                    taken.Add((last, next));
                }

                var first = ColumnOf(left);
                cells.Add(new Box((int)left, (int)lines[b].Y, (int)right, (int)lines[last + 1].Y, b, first, last - b + 1, Math.Max(1, ColumnOf(right) - first)));
            }
        }

        return cells.Count >= 4 && cells.Select(c => c.Column).Distinct().Count() >= 2 ? cells : null;
    }
}

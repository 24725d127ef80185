namespace Jixiao.Import.Reading;

/// <summary>
/// Plain text (a web copy, Markdown, a Word or PDF text export) as a grid: a line is a row; its cells are split at
/// pipes (with or without a leading "|", empty cells of merged columns dropped), else at tabs, else at runs of
/// spaces. A cell that opened a bracket it did not close takes the following pieces until the bracket closes
/// ("数量( ≥**个 )" stays one cell). A text with one cell per line is a grid of one column.
/// </summary>
public static class TextGrid
{
    public static Grid FromText(string text, string fileName)
    {
        var rows = new List<IReadOnlyList<Cell>>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            var pieces = Split(line);
            if (pieces.Count == 0)
            {
                // A line holding only spaces is an empty cell in a one-cell-per-line copy (a merged or empty
                // column); a line holding nothing separates paragraphs.
                if (line.Length > 0)
                {
                    rows.Add([new Cell("", rows.Count, 0, $"{fileName}:{lineNumber}")]);
                }

                continue;
            }

            var location = $"{fileName}:{lineNumber}";
            var row = new List<Cell>(pieces.Count);
            for (var i = 0; i < pieces.Count; i++)
            {
                row.Add(new Cell(pieces[i], rows.Count, i, location));
            }

            rows.Add(row);
        }

        return new Grid(fileName, rows);
    }

    public static List<string> Split(string line)
    {
        var result = new List<string>();
        if (line.Contains('|', StringComparison.Ordinal))
        {
            foreach (var part in line.Split('|'))
            {
                Add(result, part);
            }

            return result;
        }

        if (line.Contains('\t', StringComparison.Ordinal))
        {
            foreach (var part in line.Split('\t'))
            {
                Add(result, part);
            }

            return result;
        }

        // Runs of spaces of any width (U+3000, U+00A0 too) split cells.
        var pieces = new List<string>();
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var space = i == line.Length || char.IsWhiteSpace(line[i]);
            if (!space && start < 0)
            {
                start = i;
            }
            else if (space && start >= 0)
            {
                pieces.Add(line[start..i]);
                start = -1;
            }
        }

        var depth = 0;
        foreach (var piece in pieces)
        {
            if (depth > 0 && result.Count > 0)
            {
                result[^1] += " " + piece;
            }
            else
            {
                result.Add(piece);
            }

            depth = Math.Max(0, depth + Count(piece, '(') + Count(piece, '（') - Count(piece, ')') - Count(piece, '）'));
            if (depth > 3)
            {
                depth = 0;
            }
        }

        return result;
    }

    private static void Add(List<string> into, string part)
    {
        var t = part.Trim();
        if (t.Length > 0)
        {
            into.Add(t);
        }
    }

    private static int Count(string s, char c)
    {
        var n = 0;
        foreach (var x in s)
        {
            if (x == c)
            {
                n++;
            }
        }

        return n;
    }
}

using Jixiao.Import.Text;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Plain text as the simplest grid: one one-cell row per line (blank lines kept as rows of an empty cell, so line
/// numbers stay true), decoded by <see cref="TextDecoder"/>. The text recogniser reads text its own way; this is
/// what FormatReader gives when asked about a text file.
/// </summary>
internal static class TextFormat
{
    public static Grid Read(byte[] bytes, TextDecoder.Detection detection, FormatContext context)
    {
        var text = detection.Encoding!.GetString(bytes, detection.BomLength, bytes.Length - detection.BomLength);
        return Lines("正文", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'), n => $"第{n}行", context);
    }

    /// <summary>A grid of one-cell rows, one per line; the location of line n (1-based) is given by <paramref name="location"/>.</summary>
    public static Grid Lines(string name, IEnumerable<string> lines, Func<int, string> location, FormatContext context)
    {
        var rows = new List<IReadOnlyList<Cell>>();
        var n = 0;
        foreach (var line in lines)
        {
            var where = location(++n);
            if (!context.TakeCell(where))
            {
                break;
            }

            rows.Add([new Cell(line, n - 1, 0, where)]);
        }

        if (rows.Count > 0 && rows[^1][0].Text.Length == 0)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Grid(name, rows);
    }
}

using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Import.Text;

namespace Jixiao.Import.Tables;

/// <summary>
/// Text tables: markdown-like pipe tables ("| 项目名称 | 总计 | … |", as Word and PDF converters write them) and
/// tab-separated text (copied from a spreadsheet). Lines outside the table are the preamble or reported (IMP010).
/// </summary>
public static class PipeTableReader
{
    public static bool IsTableLine(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        return trimmed.Length > 1 && trimmed[0] == '|' || line.Contains('\t', StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> SplitCells(string line)
    {
        if (!line.TrimStart().StartsWith('|'))
        {
            return line.Split('\t');
        }

        var text = line.Trim();
        text = text[1..];
        if (text.EndsWith('|'))
        {
            text = text[..^1];
        }

        return text.Split('|');
    }

    /// <summary>Feeds every line to <paramref name="acceptRow"/> (table lines) or reads it as preamble; the rest is reported.</summary>
    public static void Read(IEnumerable<SourceLine> lines, ImportContext context, Action<TableRow> acceptRow, Action flush,
        Func<SourceLine, bool>? acceptText = null)
    {
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            if (IsTableLine(line.Text))
            {
                acceptRow(new TableRow(SplitCells(line.Text), context.Line(line.Number)));
                continue;
            }

            if (acceptText is not null && acceptText(line))
            {
                continue;
            }

            if (Preamble.TryRead(line.Text) is { } facts)
            {
                flush();
                context.Apply(facts);
                continue;
            }

            context.Report(Severity.Warning, ImportCodes.UnusedLine, context.Line(line.Number),
                $"表格之外的文字未读取：“{Shorten(line.Text.Trim())}”。");
        }

        flush();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

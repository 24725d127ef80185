using System.Globalization;
using System.Text;

namespace Jixiao.Bench.Import;

/// <summary>
/// Writes large target tables by repeating the seed tables with numbered project names: the pipe table of 002
/// (layout 1) and the PDF-extracted text of 003 (layout 2). Files are made once per size and kept in the temp folder.
/// </summary>
public static class GeneratedTables
{
    public static string PipeTable(long minBytes) => Make($"jixiao-bench-pipe-{minBytes}.txt", minBytes, WritePipe);

    public static string ExtractedText(long minBytes) => Make($"jixiao-bench-extracted-{minBytes}.txt", minBytes, WriteExtracted);

    private static string Make(string name, long minBytes, Action<StreamWriter, long> write)
    {
        var path = Path.Combine(Path.GetTempPath(), name);
        if (File.Exists(path) && new FileInfo(path).Length >= minBytes)
        {
            return path;
        }

        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            write(writer, minBytes);
        }

        return path;
    }

    private static void WritePipe(StreamWriter writer, long minBytes)
    {
        var lines = File.ReadAllLines(Path.Combine(BenchPaths.Seeds, "002_57b7928e8e0f944a.txt"));
        var projects = lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("1、", StringComparison.Ordinal)).ToList();
        writer.WriteLine("项目支出绩效目标表（含转移支付项目）");
        writer.WriteLine("部门名称：广州市公安局白云区分局");
        writer.WriteLine("单位：万元");
        writer.WriteLine("| 项目名称（资金使用单位） | 总计 | 财政拨款 | 财政专户拨款 | 其他资金 | 绩效目标 | 绩效指标 |");
        writer.WriteLine("|---|---|---|---|---|---|---|");
        var round = 0;
        while (writer.BaseStream.Length < minBytes)
        {
            round++;
            writer.WriteLine($"| 生成单位{round.ToString(CultureInfo.InvariantCulture)} | | | | | | |");
            foreach (var project in projects)
            {
                writer.WriteLine(project.Replace("| ", $"| 第{round.ToString(CultureInfo.InvariantCulture)}批", 1));
            }

            writer.WriteLine();
            writer.WriteLine("| | | | | | | |");
            writer.WriteLine("|---|---|---|---|---|---|---|");
            writer.Flush();
        }
    }

    private static void WriteExtracted(StreamWriter writer, long minBytes)
    {
        var lines = File.ReadAllLines(Path.Combine(BenchPaths.Seeds, "003_3854a258b9068c95.txt"));
        var body = lines.Skip(9).ToList(); // from the first unit line on
        foreach (var line in lines.Take(7))
        {
            writer.WriteLine(line);
        }

        var round = 0;
        while (writer.BaseStream.Length < minBytes)
        {
            round++;
            foreach (var line in body)
            {
                writer.WriteLine(line.StartsWith("    ", StringComparison.Ordinal) && line.Trim().Length > 0
                    ? $"    第{round.ToString(CultureInfo.InvariantCulture)}批{line.TrimStart()}"
                    : line);
            }

            writer.Flush();
        }
    }
}

internal static class StringExtensions
{
    public static string Replace(this string text, string oldValue, string newValue, int count)
    {
        var index = text.IndexOf(oldValue, StringComparison.Ordinal);
        return count <= 0 || index < 0 ? text : string.Concat(text.AsSpan(0, index), newValue, text.AsSpan(index + oldValue.Length));
    }
}

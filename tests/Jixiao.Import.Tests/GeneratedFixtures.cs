using System.Diagnostics;
using System.Net;
using System.Text;
using Jixiao.Import.Tables;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.Import.Tests;

/// <summary>
/// Excel and PDF fixtures made from the seed tables and text fixtures when the tests run: .xlsx written cell by cell
/// with DocumentFormat.OpenXml, .xls converted from it by LibreOffice, PDF printed by headless Chromium. The tools
/// are installed by scripts/test.sh; a missing tool fails the test (nothing is skipped).
/// </summary>
internal static class GeneratedFixtures
{
    private static readonly string Folder = TestPaths.TempDirectory();
    private static readonly object Gate = new();
    private static readonly Dictionary<string, string> Made = new(StringComparer.Ordinal);

    /// <summary>002's pipe rows as worksheet rows, the lines above the table as one-cell rows, blank lines as blank rows.</summary>
    public static string Seed002Xlsx => Once("002.xlsx", path =>
    {
        var rows = File.ReadAllLines(TestPaths.Seed002)
            .Select(line => PipeTableReader.IsTableLine(line)
                ? PipeTableReader.SplitCells(line).Select(c => (object?)c.Trim()).ToList()
                : new List<object?> { line.Trim() })
            .Select(r => (IReadOnlyList<object?>)r)
            .ToList();
        XlsxGrid.Write(path, [new XlsxSheet("项目支出绩效目标表", rows)]);
    });

    /// <summary>002 as finance systems export it: a two-row header ("资金情况" over the four amount columns) and no title rows.</summary>
    public static string Seed002TwoRowHeaderXlsx => Once("002-two-row-header.xlsx", path =>
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "项目名称（资金使用单位）", "资金情况（万元）", null, null, null, "绩效目标", "绩效指标" },
            new object?[] { null, "总计", "财政拨款", "财政专户拨款", "其他资金" },
        };
        rows.AddRange(File.ReadAllLines(TestPaths.Seed002)
            .Where(line => PipeTableReader.IsTableLine(line) && !line.Contains("项目名称", StringComparison.Ordinal) && !line.Contains("---", StringComparison.Ordinal))
            .Select(line => (IReadOnlyList<object?>)PipeTableReader.SplitCells(line).Select(c => (object?)c.Trim()).ToList()));
        XlsxGrid.Write(path, [new XlsxSheet("Sheet1", rows) { Merges = ["B1:E1", "A1:A2", "F1:F2", "G1:G2"] }]);
    });

    /// <summary>The one-row-per-indicator fixture as a worksheet whose merged cells (项目名称, 绩效目标, 一级, 二级) are real merges.</summary>
    public static string IndicatorRowsXlsx => Once("indicator-rows.xlsx", path =>
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var line in File.ReadAllLines(TestPaths.Fixture("indicator-rows-projects.txt")))
        {
            if (line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add(PipeTableReader.IsTableLine(line)
                ? PipeTableReader.SplitCells(line).Select(c => (object?)c.Trim()).ToList()
                : [line.Trim()]);
        }

        XlsxGrid.Write(path, [new XlsxSheet("绩效目标", rows) { Merges = MergesOfBlankRuns(rows, [0, 1, 2, 3]) }]);
    });

    /// <summary>The first 申报表 of the web fixture laid out as the county's Excel form.</summary>
    public static string DeclarationFormXlsx => Once("declaration-form.xlsx", path =>
    {
        IReadOnlyList<object?>[] rows =
        [
            ["项目支出绩效目标申报表"],
            ["（2024年度）"],
            ["项目名称", "农村饮水安全巩固提升工程维修养护"],
            ["主管部门", "某县水利局", "实施单位", "某县农村供水管理站"],
            ["项目资金（万元）", "年度资金总额", 85.00m],
            [null, "其中：财政拨款", 85.00m],
            [null, "其他资金", 0m],
            ["年度总体目标", "保障全县农村供水工程正常运行，及时修复损坏的供水设施，确保农村群众饮水安全。"],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
            [null, "产出指标", "数量指标", "维修养护供水工程", "≥120处"],
            [null, null, null, "水质检测次数", "≥4次/年"],
            [null, null, "质量指标", "维修工程验收合格率", "100%"],
            [null, null, "时效指标", "维修响应时间", "≤48小时"],
            [null, null, "成本指标", "单处平均维修费用", "≤0.7万元"],
            [null, "效益指标", "经济效益指标"],
            [null, null, "社会效益指标", "受益农村人口", "≥15万人"],
            [null, null, "生态效益指标"],
            [null, null, "可持续影响指标", "工程正常运行年限", "≥5年"],
            [null, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
        ];
        XlsxGrid.Write(path, [new XlsxSheet("申报表", rows)]);
    });

    /// <summary>002 as an old-style .xls, converted by LibreOffice from <see cref="Seed002Xlsx"/>.</summary>
    public static string Seed002Xls => Once("002.xls", path => ToXls(Seed002Xlsx, path));

    /// <summary>The one-row-per-indicator workbook as .xls (merged cells kept by LibreOffice).</summary>
    public static string IndicatorRowsXls => Once("indicator-rows.xls", path => ToXls(IndicatorRowsXlsx, path));

    /// <summary>The 申报表 workbook as .xls.</summary>
    public static string DeclarationFormXls => Once("declaration-form.xls", path => ToXls(DeclarationFormXlsx, path));

    private static void ToXls(string source, string path)
    {
        var profile = Path.Combine(Folder, "lo-profile");
        Run("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", "xls", "--outdir", Folder, source],
            TimeSpan.FromMinutes(3));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException("LibreOffice did not write " + path);
        }
    }

    /// <summary>003 printed to PDF by headless Chromium (a monospaced CJK font keeps its indentation, as the original PDF had).</summary>
    public static string Seed003Pdf => Once("003.pdf", path =>
    {
        PrintToPdf("<!doctype html><html><head><meta charset=\"utf-8\"><style>pre{font-family:\"Noto Sans Mono CJK SC\",monospace;font-size:11pt}</style></head><body><pre>"
            + WebUtility.HtmlEncode(File.ReadAllText(TestPaths.Seed003)) + "</pre></body></html>", "003.html", path);
    });

    private static void PrintToPdf(string content, string htmlName, string pdf)
    {
        var html = Path.Combine(Folder, htmlName);
        File.WriteAllText(html, content, Encoding.UTF8);
        Run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(Folder, "chromium")}",
            $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri], TimeSpan.FromMinutes(2));
        if (!File.Exists(pdf))
        {
            throw new InvalidOperationException("Chromium did not write " + pdf);
        }
    }

    /// <summary>002's table printed to PDF by headless Chromium as a drawn grid (cells aligned to the top), as Word prints it.</summary>
    public static string Seed002Pdf => Once("002.pdf", path =>
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><style>body{font-family:\"Noto Sans CJK SC\";font-size:9pt}"
            + "table{border-collapse:collapse;width:100%}td{border:1px solid #000;vertical-align:top;padding:2px}"
            + "td:nth-child(1){width:14%}td:nth-child(6){width:25%}td:nth-child(7){width:35%}</style></head><body>"
            + "<p>项目支出绩效目标表（含转移支付项目）</p><p>部门名称：广州市公安局白云区分局 单位：万元</p><table>");
        foreach (var line in File.ReadAllLines(TestPaths.Seed002))
        {
            if (!PipeTableReader.IsTableLine(line) || line.Contains("---", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = PipeTableReader.SplitCells(line).Select(c => c.Trim()).ToList();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            html.Append("<tr>").AppendJoin("", cells.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>");
        }

        html.Append("</table></body></html>");
        PrintToPdf(html.ToString(), "002.html", path);
    });

    public static string TempFile(string name) => Path.Combine(TestPaths.TempDirectory(), name);

    private static string Once(string name, Action<string> make)
    {
        lock (Gate)
        {
            if (!Made.TryGetValue(name, out var path))
            {
                path = Path.Combine(Folder, name);
                make(path);
                Made[name] = path;
            }

            return path;
        }
    }

    /// <summary>Merges each run of blank cells in the given columns with the filled cell above it, as Excel forms merge them.</summary>
    private static List<string> MergesOfBlankRuns(List<IReadOnlyList<object?>> rows, int[] columns)
    {
        var merges = new List<string>();
        var header = rows.FindIndex(r => r.Any(c => c as string == "三级指标"));
        foreach (var column in columns)
        {
            var start = -1;
            for (var r = header + 1; r <= rows.Count; r++)
            {
                var blank = r < rows.Count && string.IsNullOrWhiteSpace(rows[r].ElementAtOrDefault(column) as string);
                if (r < rows.Count && !blank)
                {
                    if (start >= 0 && r - 1 > start)
                    {
                        merges.Add($"{XlsxGrid.ColumnName(column)}{start + 1}:{XlsxGrid.ColumnName(column)}{r}");
                    }

                    start = r;
                }
                else if (r == rows.Count && start >= 0 && r - 1 > start)
                {
                    merges.Add($"{XlsxGrid.ColumnName(column)}{start + 1}:{XlsxGrid.ColumnName(column)}{r}");
                }
            }
        }

        return merges;
    }

    private static void Run(string tool, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = Folder;
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}

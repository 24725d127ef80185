using Jixiao.Domain.Diagnostics;
using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Pdf;
using Jixiao.Reporting.Reports;
using Spectre.Console;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao report SHEET -o report.docx|.pdf|.html`: the 绩效评价报告 (or 自评报告) of a scored evaluation sheet.
/// With several sheets, a folder or a list file it writes one report per sheet into the -o folder, with a progress
/// bar, and `--summary` adds the department summary with the grade distribution chart.
/// </summary>
internal sealed class ReportCommand : ICommand
{
    private static readonly string[] Formats = ["docx", "pdf", "html"];

    public string Name => "report";

    public string Summary => "由评价表生成绩效评价报告或自评报告（Word、PDF、HTML），可批量生成并汇总等级分布";

    public string Usage => """
        用法：jixiao report <评价表.json> -o <报告.docx|报告.pdf|报告.html> [--texts <报告文字.json>] [--fonts windows|noto]
              jixiao report <评价表…|文件夹|清单.txt> -o <输出文件夹> [--format docx|pdf|html] [--summary <部门名称>]
              jixiao report --targets <绩效目标表…> -o <目标表.docx|.pdf|.html> [--layout encoded|rows]

        由评价表（格式见 docs/evaluations.md）评分后写出报告；报告中的得分、等级、比率都由评分结果计算。
        评价人员撰写的文字（项目概况、问题、建议等，格式见 docs/reports.md）取自 --texts，
        或评价表旁的“<名称>.report.json”，或上一级 reports 文件夹中的同名文件。
          -o, --output   单个报告的文件名（扩展名决定格式），或批量时的输出文件夹
          --format       批量时的格式：docx（默认）、pdf、html
          --texts        报告文字文件（仅单个报告）
          --fonts        windows（默认：仿宋/黑体/楷体/宋体）或 noto（Linux 上的 Noto CJK 字体）
          --summary      批量时另写“汇总”报告（等级分布图和结果表），参数为部门名称
          --targets      改为写项目支出绩效目标表：读入绩效目标表文件（格式同 jixiao parse），写成 Word/PDF/HTML
          --layout       目标表的绩效指标列：encoded（默认，编码在一格内）或 rows（每个指标一行）

        示例：
          jixiao report samples/evaluations/004-xueliang-2020.json -o 雪亮工程.docx
          jixiao report samples/evaluations -o out --format pdf --summary 公安分局
          jixiao report --targets samples/seeds/002_57b7928e8e0f944a.txt -o 目标表.docx --layout rows
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--targets"], ["--output", "--format", "--texts", "--fonts", "--summary", "--layout"], out var error,
            new Dictionary<string, string> { ["-o"] = "--output" });
        if (parsed is null || parsed.Positionals.Count == 0 || parsed.Value("--output") is not { } output)
        {
            context.Error.WriteLine(error ?? (parsed?.Positionals.Count == 0 ? "缺少评价表文件。" : "缺少输出位置 -o。"));
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var fonts = parsed.Value("--fonts") switch
        {
            null or "windows" => ChineseFonts.Windows,
            "noto" => ChineseFonts.Noto,
            var other => Fail(context, $"不认识的字体方案：{other}（可选 windows、noto）。"),
        };
        if (fonts is null)
        {
            return ExitCodes.BadInput;
        }

        if (parsed.Has("--targets"))
        {
            return WriteTargetTable(parsed.Positionals, output, parsed.Value("--layout"), fonts, context);
        }

        var sheets = ExpandSheets(parsed.Positionals, context, out var missing);
        if (missing)
        {
            return ExitCodes.BadInput;
        }

        var single = sheets.Count == 1 && parsed.Positionals.Count == 1 && File.Exists(parsed.Positionals[0])
            && !parsed.Positionals[0].EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
        if (single && parsed.Value("--summary") is null)
        {
            var format = Path.GetExtension(output).TrimStart('.').ToLowerInvariant();
            if (!Formats.Contains(format))
            {
                context.Error.WriteLine($"无法从输出文件名“{output}”判断格式：扩展名应为 .docx、.pdf 或 .html。");
                return ExitCodes.BadInput;
            }

            return WriteOne(sheets[0], parsed.Value("--texts"), output, format, fonts, context) ? ExitCodes.Ok : ExitCodes.BadInput;
        }

        if (parsed.Value("--texts") is not null)
        {
            context.Error.WriteLine("--texts 只能用于单个报告；批量时每个评价表的文字取自同名的 .report.json。");
            return ExitCodes.BadInput;
        }

        var batchFormat = (parsed.Value("--format") ?? "docx").ToLowerInvariant();
        if (!Formats.Contains(batchFormat))
        {
            context.Error.WriteLine($"不认识的格式：{batchFormat}（可选 docx、pdf、html）。");
            return ExitCodes.BadInput;
        }

        return Batch(sheets, output, batchFormat, fonts, parsed.Value("--summary"), context);
    }

    /// <summary>The 项目支出绩效目标表 of every unit in the given target tables, as one document.</summary>
    private static int WriteTargetTable(IReadOnlyList<string> files, string output, string? layoutName, ChineseFonts fonts, CliContext context)
    {
        IndicatorLayout? layout = layoutName switch
        {
            null or "encoded" => IndicatorLayout.Encoded,
            "rows" => IndicatorLayout.RowPerIndicator,
            _ => null,
        };
        if (layout is null)
        {
            context.Error.WriteLine($"不认识的指标列格式：{layoutName}（可选 encoded、rows）。");
            return ExitCodes.BadInput;
        }

        var format = Path.GetExtension(output).TrimStart('.').ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            context.Error.WriteLine($"无法从输出文件名“{output}”判断格式：扩展名应为 .docx、.pdf 或 .html。");
            return ExitCodes.BadInput;
        }

        var missing = files.Where(f => !File.Exists(f)).ToList();
        foreach (var file in missing)
        {
            context.Error.WriteLine($"找不到文件：{file}");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        var results = files.Select(f => Jixiao.Import.Reading.TargetsFromReading.Import(f)).ToList();
        foreach (var result in results.Where(r => r.HasErrors))
        {
            context.Error.WriteLine($"{result.File} 有错误，未写入目标表：");
            ReportDiagnostics(result.Diagnostics.Where(d => d.Severity == Severity.Error), context);
        }

        var units = results.Where(r => !r.HasErrors).SelectMany(r => r.Units).ToList();
        if (units.Count == 0)
        {
            return ExitCodes.BadInput;
        }

        var options = new TargetTableOptions(layout.Value);
        try
        {
            switch (format)
            {
                case "docx":
                    using (var file = File.Create(output))
                    {
                        TargetTableDocxWriter.Write(units, options, file, new DocxOptions(fonts));
                    }

                    break;
                case "html":
                    File.WriteAllText(output, TargetTableDocxWriter.WriteHtml(units, options));
                    break;
                default:
                    using (var file = File.Create(output))
                    {
                        TargetTableDocxWriter.WritePdfAsync(units, options, file).GetAwaiter().GetResult();
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PdfPrintException)
        {
            context.Error.WriteLine($"无法写出 {output}：{(ex is PdfPrintException ? ex.Message : JixiaoCli.Unexpected(ex))}");
            return ExitCodes.BadInput;
        }

        context.Out.WriteLine($"已生成 {output}：{units.Count} 个单位，{units.Sum(u => u.Projects.Count)} 个项目");
        return results.Any(r => r.HasErrors) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static ChineseFonts? Fail(CliContext context, string message)
    {
        context.Error.WriteLine(message);
        return null;
    }

    /// <summary>Sheets from files, folders (every *.json but *.report.json) and list files (one path a line, # comments).</summary>
    private static List<string> ExpandSheets(IReadOnlyList<string> inputs, CliContext context, out bool missing)
    {
        var sheets = new List<string>();
        missing = false;
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                sheets.AddRange(Directory.GetFiles(input, "*.json").Where(f => !f.EndsWith(EvaluationReportSource.TextsSuffix, StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input) && input.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                var baseDir = Path.GetDirectoryName(Path.GetFullPath(input)) ?? ".";
                foreach (var line in File.ReadAllLines(input).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
                {
                    var path = Path.IsPathRooted(line) ? line : Path.Combine(baseDir, line);
                    if (!File.Exists(path))
                    {
                        context.Error.WriteLine($"{input}：清单中的评价表不存在：{line}");
                        missing = true;
                    }

                    sheets.Add(path);
                }
            }
            else if (File.Exists(input))
            {
                sheets.Add(input);
            }
            else
            {
                context.Error.WriteLine($"找不到评价表文件或文件夹：{input}");
                missing = true;
            }
        }

        if (!missing && sheets.Count == 0)
        {
            context.Error.WriteLine("没有找到任何评价表（*.json）。");
            missing = true;
        }

        return sheets;
    }

    private static bool WriteOne(string sheet, string? texts, string output, string format, ChineseFonts fonts, CliContext context)
    {
        var load = EvaluationReportSource.Load(sheet, texts);
        ReportDiagnostics(load.Diagnostics, context);
        if (load.HasErrors)
        {
            context.Error.WriteLine($"{sheet}：评价表有错误，未生成报告。");
            return false;
        }

        if (!Write(load.Model!, output, format, fonts, context))
        {
            return false;
        }

        context.Out.WriteLine($"已生成 {output}：{load.Model!.Title}，总分 {(load.Model.Total is { } t ? ReportText.Points(t) : "未设分值")}，等级 {load.Model.Grade ?? "—"}"
            + (load.TextsFile is null ? "（未找到报告文字文件，文字部分为“无”）" : ""));
        return true;
    }

    private static bool Write(EvaluationReportModel model, string output, string format, ChineseFonts fonts, CliContext context)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(output));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            switch (format)
            {
                case "docx":
                    using (var file = File.Create(output))
                    {
                        EvaluationReportWriter.WriteDocx(model, file, new DocxOptions(fonts));
                    }

                    break;
                case "html":
                    File.WriteAllText(output, EvaluationReportWriter.WriteHtml(model, fonts));
                    break;
                default:
                    using (var file = File.Create(output))
                    {
                        EvaluationReportWriter.WritePdfAsync(model, file).GetAwaiter().GetResult();
                    }

                    break;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PdfPrintException)
        {
            context.Error.WriteLine($"无法写出 {output}：{(ex is PdfPrintException ? ex.Message : JixiaoCli.Unexpected(ex))}");
            return false;
        }
    }

    private static int Batch(List<string> sheets, string outputDir, string format, ChineseFonts fonts, string? summary, CliContext context)
    {
        Directory.CreateDirectory(outputDir);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected ? InteractionSupport.Detect : InteractionSupport.No,
        });
        var written = new List<EvaluationReportModel>();
        var failed = 0;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("生成报告", maxValue: sheets.Count);
                foreach (var sheet in sheets)
                {
                    var load = EvaluationReportSource.Load(sheet);
                    ReportDiagnostics(load.Diagnostics.Where(d => d.Severity == Severity.Error), context);
                    var output = Path.Combine(outputDir, Path.GetFileNameWithoutExtension(sheet) + "." + format);
                    if (load.HasErrors || !Write(load.Model!, output, format, fonts, context))
                    {
                        failed++;
                    }
                    else
                    {
                        written.Add(load.Model!);
                    }

                    task.Increment(1);
                }
            });

        if (summary is not null)
        {
            var summaryPath = Path.Combine(outputDir, $"{summary}绩效评价结果汇总.{(format == "pdf" ? "pdf" : "docx")}");
            using var file = File.Create(summaryPath);
            if (format == "pdf")
            {
                EvaluationReportWriter.WriteSummaryPdfAsync(summary, written, file).GetAwaiter().GetResult();
            }
            else
            {
                EvaluationReportWriter.WriteSummaryDocx(summary, written, file, new DocxOptions(fonts));
            }

            context.Out.WriteLine($"已生成汇总 {summaryPath}");
        }

        context.Out.WriteLine($"共 {sheets.Count} 个评价表：已生成 {written.Count} 份报告，失败 {failed} 份，输出到 {outputDir}");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static void ReportDiagnostics(IEnumerable<Diagnostic> diagnostics, CliContext context)
    {
        foreach (var d in diagnostics)
        {
            var level = d.Severity switch { Severity.Error => "错误", Severity.Warning => "警告", _ => "提示" };
            context.Error.WriteLine($"{d.Location}: {level} {d.Code}: {d.Message}");
        }
    }
}

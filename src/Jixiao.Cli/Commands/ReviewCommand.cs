using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Import.Imports;
using Jixiao.Import.Reviews;
using Jixiao.Reporting.Reviews;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao review FILE... [--json] [--xlsx OUT] [--rules FILE] [--library FILE]`: 目标审核 of target tables.</summary>
internal sealed class ReviewCommand : ICommand
{
    public string Name => "review";

    public string Summary => "审核绩效目标表：逐项指出目标不细化量化、指标缺类、投入当产出、金额不符等问题，给出得分和审核结论";

    public string Usage => """
        用法：jixiao review <文件>... [--json] [--xlsx 输出.xlsx] [--rules 规则.json|地区|审核口径] [--library 指标库.json]

        读取绩效目标表（与 jixiao parse 相同的格式），按审核规则逐个项目、逐条指标审核，给出每个项目的
        质量得分（0–100）和审核结论（优/良/中/差，差不得进入预算编制），并按单位、部门汇总。
          --json            以 JSON 输出（格式见 docs/review.md）
          --xlsx 文件       另存审核工作簿（审核意见、项目汇总、单位汇总、审核规则），含“审核人意见”栏，可批注后退回
          --rules 文件      本地区的规则覆盖文件（停用规则、调整级别、参数、分数线，格式见 docs/review.md）
          --rules 审核口径  按地区审核口径做初审：内置地区名（baoan / 宝安），或审核口径文件（宝安格式的 .xlsx，
                            或本产品的审核口径 JSON）；--xlsx 写出审核人的初审表（项目编码、完整性审核、可测性审核、
                            可行性审核、初审小结）
          --library 文件    本地区的指标库扩展文件（用于修改建议中的示例指标）

        退出码：0 没有错误级别的问题；1 文件无法读取或用法错误；2 审核发现错误级别的问题。

        示例：
          jixiao review samples/seeds/002_57b7928e8e0f944a.txt
          jixiao review samples/seeds/003_3854a258b9068c95.txt --xlsx 审核意见.xlsx
          jixiao review 项目库导出.xlsx --rules 宝安 --xlsx 初审结果.xlsx
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--json"], ["--xlsx", "--rules", "--library"], out var error);
        if (parsed is null || parsed.Positionals.Count == 0)
        {
            context.Error.WriteLine(error ?? "缺少要审核的文件。");
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        ReviewRulebook? rulebook;
        try
        {
            rulebook = parsed.Value("--rules") is { } rules ? Rulebook(rules) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(ex is InvalidDataException ? ex.Message : JixiaoCli.Unexpected(ex));
            return ExitCodes.BadInput;
        }

        if (Load(parsed, context, rulebook is null) is not { } loaded)
        {
            return ExitCodes.BadInput;
        }

        if (rulebook is not null)
        {
            return RunRulebook(rulebook, loaded, parsed, context);
        }

        var report = loaded.Engine.Review(loaded.Units);
        if (parsed.Value("--xlsx") is { } xlsx)
        {
            try
            {
                using var stream = File.Create(xlsx);
                ReviewWorkbookWriter.Write(report, stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"无法写入审核工作簿 {xlsx}：{JixiaoCli.Unexpected(ex)}");
                return ExitCodes.BadInput;
            }
        }

        if (parsed.Has("--json"))
        {
            context.Out.WriteLine(Json.Serialize(ReviewJson.From(report)));
        }
        else
        {
            WriteText(report, loaded.Files, context.Out);
            if (parsed.Value("--xlsx") is { } written)
            {
                context.Out.WriteLine($"审核工作簿已保存：{written}");
            }
        }

        var errors = report.Total.Errors + report.Units.Sum(u => u.Findings.Count(f => f.Severity == Severity.Error));
        return errors > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    internal sealed record Loaded(IReadOnlyList<BudgetUnit> Units, ReviewEngine Engine, IndicatorLibrary Library, IReadOnlyList<string> Files);

    /// <summary>
    /// Imports the files and builds the engine from the optional rule and library files. Import errors are printed to
    /// the error stream and what could be read is still reviewed; null (after printing why) when nothing can be reviewed.
    /// </summary>
    internal static Loaded? Load(CliArgs parsed, CliContext context, bool rulesOverride = true)
    {
        var missing = parsed.Positionals.Where(f => !File.Exists(f)).ToList();
        foreach (var file in missing)
        {
            context.Error.WriteLine($"找不到文件：{file}");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var rules = ReviewRuleSet.Default;
        var library = IndicatorLibrary.Default;
        try
        {
            if (rulesOverride && parsed.Value("--rules") is { } rulesFile)
            {
                using var stream = File.OpenRead(rulesFile);
                rules = rules.WithOverride(stream);
            }

            if (parsed.Value("--library") is { } libraryFile)
            {
                using var stream = File.OpenRead(libraryFile);
                library = library.WithExtension(stream);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(ex is InvalidDataException ? ex.Message : JixiaoCli.Unexpected(ex));
            return null;
        }

        var units = new List<BudgetUnit>();
        foreach (var file in parsed.Positionals)
        {
            var result = Jixiao.Import.Reading.TargetsFromReading.Import(file);
            foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                context.Error.WriteLine($"[导入错误 {d.Code}] {d.Location}  {d.Message}");
            }

            if (result.HasErrors)
            {
                context.Error.WriteLine($"{result.File}：导入有错误，以下审核只包括读到的 {result.Projects.Count()} 个项目（详见 jixiao parse {file}）。");
            }

            units.AddRange(result.Units);
        }

        if (units.Sum(u => u.Projects.Count) == 0)
        {
            context.Error.WriteLine("文件中没有读到任何项目，无法审核。");
            return null;
        }

        return new Loaded(units, new ReviewEngine(rules, library), library, parsed.Positionals);
    }

    /// <summary>
    /// The district rulebook --rules names, or null when it names the product's own rule override file: a built-in
    /// district ("baoan", "宝安"), a 审核口径 workbook (.xlsx / .xls / .et, the Baoan layout), or JSON with "items".
    /// </summary>
    internal static ReviewRulebook? Rulebook(string rules)
    {
        if (ReviewRulebook.ForDistrict(rules) is { } builtIn)
        {
            return builtIn;
        }

        if (!File.Exists(rules))
        {
            throw new InvalidDataException($"找不到规则文件，也没有名为“{rules}”的内置地区审核口径（内置：{string.Join("、", ReviewRulebook.Districts.Keys)}）。");
        }

        var extension = Path.GetExtension(rules).ToLowerInvariant();
        if (extension is ".xlsx" or ".xls" or ".et")
        {
            return RulebookWorkbook.Read(rules);
        }

        using var stream = File.OpenRead(rules);
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(stream);
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !doc.RootElement.TryGetProperty("items", out _))
            {
                return null;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // the override loader says what is wrong with it
        }

        stream.Position = 0;
        return ReviewRulebook.Load(stream);
    }

    private static int RunRulebook(ReviewRulebook rulebook, Loaded loaded, CliArgs parsed, CliContext context)
    {
        var reviews = new RulebookReviewer(rulebook).Review(loaded.Units);
        if (parsed.Value("--xlsx") is { } xlsx)
        {
            try
            {
                using var stream = File.Create(xlsx);
                InitialReviewWorkbookWriter.Write(rulebook, reviews, stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"无法写入初审工作簿 {xlsx}：{JixiaoCli.Unexpected(ex)}");
                return ExitCodes.BadInput;
            }
        }

        if (parsed.Has("--json"))
        {
            context.Out.WriteLine(Json.Serialize(new
            {
                rulebook = new { rulebook.Title, rulebook.Version, rulebook.Origin },
                projects = reviews.Select(r => new
                {
                    code = r.Project.Code,
                    name = r.Project.Name,
                    unit = r.Unit,
                    findings = r.Findings.Select(f => new { code = f.Item.Code, name = f.Item.Name, aspect = ReviewRulebook.AspectName(f.Item.Aspect), manual = f.Item.Manual, subjects = f.Subjects, text = f.Text }),
                }),
            }));
        }
        else
        {
            var output = context.Out;
            var flagged = reviews.Count(r => r.Findings.Any(f => !f.Item.Manual));
            output.WriteLine($"初审（{rulebook.Title}，{rulebook.Items.Count(i => i.Enabled)} 个审核细项启用）：{reviews.Count} 个项目，{flagged} 个需退回修改");
            foreach (var g in reviews.SelectMany(r => r.Findings.Where(f => !f.Item.Manual)).GroupBy(f => f.Item.Name).OrderByDescending(g => g.Count()))
            {
                output.WriteLine($"  {g.Key}：{g.Count()} 个项目");
            }

            foreach (var r in reviews.Where(r => r.Findings.Count > 0))
            {
                output.WriteLine();
                output.WriteLine($"■ {r.Project.Code} {r.Project.Name}（{r.Unit}）");
                foreach (var f in r.Findings)
                {
                    output.WriteLine($"  [{(f.Item.Manual ? "待人工确认" : ReviewRulebook.AspectName(f.Item.Aspect))}] {f.Item.Name}：{f.Text}");
                }
            }

            if (parsed.Value("--xlsx") is { } written)
            {
                output.WriteLine($"初审工作簿已保存：{written}");
            }
        }

        return reviews.Any(r => r.Findings.Any(f => !f.Item.Manual)) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static void WriteText(ReviewReport report, IReadOnlyList<string> files, TextWriter output)
    {
        var total = report.Total;
        output.WriteLine($"目标审核：{files.Count} 个文件、{report.Units.Count} 个单位、{total.Projects} 个项目（审核规则 {report.RulesVersion}）");
        output.WriteLine($"平均得分 {total.AverageScore:0.0}；优 {total.Excellent}、良 {total.Good}、中 {total.Fair}、差 {total.Poor}；"
            + $"错误 {total.Errors}、警告 {total.Warnings}、提示 {total.Infos}");
        foreach (var unit in report.Units)
        {
            var s = unit.Summary;
            output.WriteLine();
            output.WriteLine($"【单位】{unit.Name}：{s.Projects} 个项目，平均 {s.AverageScore:0.0} 分；优 {s.Excellent} 良 {s.Good} 中 {s.Fair} 差 {s.Poor}"
                + (s.BlockedAmount > 0 ? $"；不得进入预算 {s.BlockedAmount:#,##0.00} 万元" : ""));
            foreach (var f in unit.Findings)
            {
                WriteFinding(f, output);
            }

            output.WriteLine($"  {Pad("得分", 4)}  {Pad("结论", 4)}  {Pad("错/警/提", 8)}  项目");
            foreach (var p in report.Projects.Where(p => p.Unit == unit.Name && p.Department == unit.Department))
            {
                var counts = $"{p.Count(Severity.Error)}/{p.Count(Severity.Warning)}/{p.Count(Severity.Info)}";
                output.WriteLine($"  {Pad(p.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), 4)}  {Pad(p.Outcome.Chinese(), 4)}  {Pad(counts, 8)}  {p.Name}");
            }
        }

        foreach (var p in report.Projects.Where(p => p.Findings.Count > 0))
        {
            output.WriteLine();
            var amount = p.Project.Amounts.Total is { } t ? $"{t:#,##0.00}{Money.UnitName(p.Project.Amounts.Unit)} · " : "";
            output.WriteLine($"■ {p.Name}（{p.Unit}）{amount}{p.ProjectType} · {p.Score} 分 · {p.Outcome.Chinese()}（{p.Outcome.Consequence()}）");
            foreach (var f in p.Findings)
            {
                WriteFinding(f, output);
            }
        }

        if (report.Departments.Count > 0)
        {
            output.WriteLine();
            foreach (var d in report.Departments)
            {
                var s = d.Summary;
                output.WriteLine($"【部门】{d.Name}：{d.Units.Count} 个单位、{s.Projects} 个项目，平均 {s.AverageScore:0.0} 分；优 {s.Excellent} 良 {s.Good} 中 {s.Fair} 差 {s.Poor}；"
                    + $"主要问题：{string.Join("、", s.TopRules.Select(r => $"{r.Title}（{r.Count}）"))}");
            }
        }
    }

    private static void WriteFinding(ReviewFinding f, TextWriter output)
    {
        var where = f.Indicator is null ? "" : f.IndicatorNumber is { } n ? $"第{n}项 " : "";
        output.WriteLine($"  [{ReviewJson.SeverityChinese(f.Severity)} {f.Rule}] {where}{f.Message}");
        output.WriteLine($"      建议：{f.Suggestion}");
    }

    /// <summary>Pads to a display width, counting a Chinese character as two columns.</summary>
    internal static string Pad(string text, int width)
    {
        var w = text.Sum(c => c > 0x2E80 ? 2 : 1);
        return w >= width ? text : text + new string(' ', width - w);
    }
}

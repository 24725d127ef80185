using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Reporting.Reports;

public sealed record EvaluationReportLoad(EvaluationReportModel? Model, IReadOnlyList<Diagnostic> Diagnostics, string? TextsFile)
{
    public bool HasErrors => Model is null || Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads an evaluation sheet (JSON, docs/evaluations.md), scores it and pairs it with the evaluator's texts: the
/// given file, else <c>NAME.report.json</c> beside the sheet, else <c>../reports/NAME.report.json</c> (the layout
/// of samples/evaluations and samples/reports).
/// </summary>
public static class EvaluationReportSource
{
    public const string TextsSuffix = ".report.json";

    public static EvaluationReportLoad Load(string sheetPath, string? textsPath = null)
    {
        var diagnostics = new List<Diagnostic>();
        string json;
        try
        {
            json = File.ReadAllText(sheetPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new(Severity.Error, EvaluationReportTextsJson.Unreadable, new SourceLocation(sheetPath), $"无法读取评价表文件：{Unreadable(ex)}"));
            return new(null, diagnostics, null);
        }

        var read = EvaluationSheetJson.Read(json, Path.GetFileName(sheetPath));
        diagnostics.AddRange(read.Diagnostics);
        if (read.Sheet is null || read.HasErrors)
        {
            return new(null, diagnostics, null);
        }

        var textsFile = textsPath ?? FindTexts(sheetPath);
        var texts = EvaluationReportTexts.Empty;
        if (textsFile is not null)
        {
            try
            {
                var textsRead = EvaluationReportTextsJson.Read(File.ReadAllText(textsFile), Path.GetFileName(textsFile));
                diagnostics.AddRange(textsRead.Diagnostics);
                texts = textsRead.Texts;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new(Severity.Error, EvaluationReportTextsJson.Unreadable, new SourceLocation(textsFile), $"无法读取报告文字文件：{Unreadable(ex)}"));
            }
        }

        return new(EvaluationReportMapper.From(Scorer.Score(read.Sheet), texts), diagnostics, textsFile);
    }

    private static string Unreadable(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "找不到文件。",
        UnauthorizedAccessException => "没有读取该文件的权限。",
        _ => "文件可能正被其他程序占用或已损坏。",
    };

    /// <summary>The texts file that belongs to a sheet, or null when there is none.</summary>
    public static string? FindTexts(string sheetPath)
    {
        var name = Path.GetFileNameWithoutExtension(sheetPath) + TextsSuffix;
        var dir = Path.GetDirectoryName(Path.GetFullPath(sheetPath)) ?? ".";
        string[] candidates = [Path.Combine(dir, name), Path.Combine(Path.GetDirectoryName(dir) ?? dir, "reports", name)];
        return candidates.FirstOrDefault(File.Exists);
    }
}

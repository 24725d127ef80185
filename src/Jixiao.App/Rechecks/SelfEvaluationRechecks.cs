using System.Text.RegularExpressions;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Rechecks;
using Jixiao.Import.Reading;

namespace Jixiao.App.Rechecks;

/// <summary>One project's 复核 with every finding of it: the reading's checks of its numbers and the rule set's, each (check, where) once.</summary>
/// <see cref="CutShort"/>: the document ends inside its indicator table, so the 复核 total holds only the lines read.
public sealed record ProjectRecheck(RecheckResult Result, IReadOnlyList<RecheckFinding> Findings, bool CutShort);

/// <summary>
/// The 复核 of one file: <see cref="Error"/> (Chinese) when it could not be read or holds no self-evaluation, else one
/// <see cref="ProjectRecheck"/> per project of it.
/// </summary>
public sealed record FileRecheck(string File, string? Kind, string? Error, IReadOnlyList<ProjectRecheck> Projects)
{
    public bool Failed => Error is not null;
}

/// <summary>
/// 自评复核 of documents as the reader reads them (issue #16): maps a read self-evaluation (ReadDocument → ReadProject →
/// ReadIndicator) to the domain's <see cref="SelfEvaluationInput"/> and rechecks it by the rule set of its year. The
/// budget line's amounts are its own, else the project's (a 0 total row over filled parts is read as the parts).
/// </summary>
public static partial class SelfEvaluationRechecks
{
    public static FileRecheck RecheckFile(string path, IReadOnlyList<RecheckRuleSet>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Recheck(DocumentReader.Read(path).Document, rules);
    }

    /// <summary>
    /// Rechecks every project of a read document by the rule set of its year among <paramref name="rules"/> (the
    /// built-in ones when null or empty; the first when none declares the year).
    /// </summary>
    public static FileRecheck Recheck(ReadDocument document, IReadOnlyList<RecheckRuleSet>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var kind = ReadDocument.KindTitle(document.Kind);
        if (document.Projects.Count == 0)
        {
            var why = document.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Message ?? "没有读到任何项目。";
            return new FileRecheck(document.File, kind, why, []);
        }

        if (document.Kind is not (DocumentKind.SelfEvaluation or DocumentKind.Report))
        {
            return new FileRecheck(document.File, kind, $"文件被识别为{kind}，不是自评表，未复核（读取发现的数字问题见 jixiao parse）。", []);
        }

        var scored = document.Projects.Where(p => p.BudgetExecution is not null || p.Indicators.Any(i => i.Score is not null || i.Weight is not null)).ToList();
        if (scored.Count == 0)
        {
            return new FileRecheck(document.File, kind, "读到了项目，但没有分值、得分或预算执行率，无法复核。", []);
        }

        var readingFindings = document.Findings.Select(f => new RecheckFinding(f.Check, f.Where, f.Stated, f.Recomputed, f.Message)).ToList();
        var cutShort = document.Diagnostics.Any(d => d.Code == ReadingCodes.CutShort);
        var projects = new List<ProjectRecheck>(scored.Count);
        foreach (var project in scored)
        {
            var input = Input(document, project, single: document.Projects.Count == 1);
            var result = Rechecker.Recheck(input, RecheckRuleSet.ForYear(input.Year, rules is { Count: > 0 } ? rules : null));
            var mine = scored.Count == 1
                ? readingFindings
                : readingFindings.Where(f => project.Indicators.Any(i => i.Name == f.Where) || project.BudgetExecution?.Label == f.Where).ToList();
            // the grade is one per document: the reading's finding stands for the rule set's
            var findings = mine.Concat(result.Findings.Where(f => !mine.Any(m => m.Check == f.Check && (m.Where == f.Where || f.Check == "grade")))).ToList();
            projects.Add(new ProjectRecheck(result, findings, cutShort));
        }

        return new FileRecheck(document.File, kind, null, projects);
    }

    public static SelfEvaluationInput Input(ReadDocument document, ReadProject project, bool single)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(project);
        var line = project.BudgetExecution;
        RecheckBudgetLine? budget = null;
        if (line is not null)
        {
            var ownAmounts = line.Budget is > 0;
            budget = new RecheckBudgetLine(line.Label, line.Weight,
                ownAmounts ? line.Budget : project.AmountWanYuan ?? line.Budget,
                ownAmounts ? line.Executed : project.ExecutedWanYuan ?? line.Executed,
                line.Rate, line.Score);
        }

        var lines = project.Indicators
            .Select(i => new RecheckLine(i.Level1, i.Level2, i.Name, i.Weight, i.Target ?? i.PeriodTarget, i.Actual, i.Score, i.Reason))
            .ToList();
        return new SelfEvaluationInput(project.Name, project.Unit, YearOf(project.Name, document.Title, document.File), budget, lines,
            single ? document.StatedTotal : null, single ? document.StatedGrade : null);
    }

    /// <summary>The budget year a document names ("2021年中央化肥…"): the first of the project's name, the title, the file name.</summary>
    public static int? YearOf(params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (text is not null && Year().Match(text) is { Success: true } m)
            {
                return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(20\d\d)\s*年")]
    private static partial Regex Year();
}

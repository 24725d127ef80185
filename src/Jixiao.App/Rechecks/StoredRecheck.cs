using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rechecks;

namespace Jixiao.App.Rechecks;

/// <summary>The 复核 of the 预算执行率 line as stored (its printed values are the input's).</summary>
internal sealed record StoredBudget(decimal? RatePercent, decimal? Score, string Reason);

/// <summary>The 复核 of one line as stored (its printed values are the input's line of the same index).</summary>
internal sealed record StoredLine(decimal? Score, bool Rechecked, string Reason, IReadOnlyList<MarkDown> MarkDowns, string? PartOf);

/// <summary>
/// One project's 复核 as a job stores it (recheck_evaluations."ResultJson", format 1): what the document printed
/// (<see cref="Input"/>), the rule set by name, every line's 复核, the totals and grade, the rule set's own findings and all
/// findings with the reading's (<see cref="Findings"/>, each (check, where) once), and whether the document ended early.
/// Read back into the domain's <see cref="RecheckResult"/> for pages, downloads and the reviewer's decisions.
/// </summary>
internal sealed record StoredRecheck(
    int Format,
    string RuleSet,
    SelfEvaluationInput Input,
    StoredBudget? Budget,
    IReadOnlyList<StoredLine> Lines,
    decimal? StatedTotal,
    string? StatedGrade,
    decimal UncappedTotal,
    TotalCap? Cap,
    decimal Total,
    string Grade,
    IReadOnlyList<RecheckFinding> RuleFindings,
    IReadOnlyList<RecheckFinding> Findings,
    bool CutShort)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static StoredRecheck From(ProjectRecheck recheck)
    {
        ArgumentNullException.ThrowIfNull(recheck);
        var r = recheck.Result;
        return new StoredRecheck(1, r.Rules.Name, r.Input,
            r.Budget is { } b ? new StoredBudget(b.RatePercent, b.Score, b.Reason) : null,
            [.. r.Lines.Select(l => new StoredLine(l.Score, l.Rechecked, l.Reason, l.MarkDowns, l.PartOf))],
            r.StatedTotal, r.StatedGrade, r.UncappedTotal, r.Cap, r.Total, r.Grade, r.Findings, recheck.Findings, recheck.CutShort);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StoredRecheck Parse(string json) =>
        JsonSerializer.Deserialize<StoredRecheck>(json, Json) ?? throw new InvalidDataException("A stored recheck is empty.");

    /// <summary>The domain's result, by the built-in rule set of the stored name (the default when it is no longer built in).</summary>
    public RecheckResult ToResult()
    {
        var rules = RecheckRuleSet.Find(RuleSet) ?? RecheckRuleSet.Default;
        var budget = Input.Budget is { } line && Budget is { } b ? new RecheckedBudgetLine(line, b.RatePercent, b.Score, b.Reason) : null;
        var lines = Input.Lines.Zip(Lines, (line, l) => new RecheckedLine(line, l.Score, l.Rechecked, l.Reason, l.MarkDowns, l.PartOf)).ToList();
        return new RecheckResult(Input, rules, budget, lines, StatedTotal, StatedGrade, UncappedTotal, Cap, Total, Grade, RuleFindings);
    }

    /// <summary>The row of this 复核 in a batch (no decision taken yet).</summary>
    public RecheckEvaluationEntity Row(int batchId, int jobId, int position) => new()
    {
        BatchId = batchId, JobId = jobId, Position = position, Project = Clip(Input.Project, 300), Unit = Clip(Input.BudgetUnit, 200), Year = Input.Year,
        RuleSet = RuleSet, StatedTotal = StatedTotal, StatedGrade = Clip(StatedGrade, 10), Total = Total, Grade = Grade,
        FindingCount = Findings.Count, FindingChecks = Clip(ChecksText(Findings), 1000), CutShort = CutShort, ResultJson = ToJson(), Version = 1,
    };

    /// <summary>"execution-score=1;sum=2": the findings per check, in ordinal order of the check.</summary>
    public static string? ChecksText(IReadOnlyList<RecheckFinding> findings) => findings.Count == 0 ? null
        : string.Join(";", findings.GroupBy(f => f.Check).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + "=" + g.Count().ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<(string Check, int Count)> ParseChecks(string? text) => string.IsNullOrEmpty(text) ? []
        : [.. text.Split(';').Select(p => p.Split('=')).Where(p => p.Length == 2)
            .Select(p => (p[0], int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0))];

    private static string? Clip(string? text, int max) => text is null ? null : CreateRecheckBatch.Clip(text, max);
}

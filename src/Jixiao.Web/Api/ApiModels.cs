using Jixiao.App.Evaluations;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Api;

/// <summary>
/// Money is in integer 分 (0.01 元) everywhere in the API: exact, and sums need no rounding. <see cref="Version"/> goes
/// back with an admin's edit (PUT /api/v1/units/{id}).
/// </summary>
public sealed record UnitDto(int Id, string Name, string? Department, int ProjectCount, long TotalFen, long Version);

/// <summary>A line of the 项目 list: <see cref="Grade"/> is the grade of the project's latest graded evaluation (null: none).</summary>
public sealed record ProjectSummaryDto(int Id, string Name, int UnitId, string UnitName, long? TotalFen, ReviewStatus Status,
    string StatusName, int IndicatorCount, int VagueTargets, long Version, int? FiscalYear, string? Grade);

public sealed record ProjectPageDto(IReadOnlyList<ProjectSummaryDto> Items, int Total, int Page, int PageSize);

/// <summary><see cref="TotalFen"/> is the 总计 (本年金额); <see cref="PeriodTotalFen"/> the 项目总金额 of the whole 实施期, where stated.</summary>
public sealed record AmountsDto(long? TotalFen, long? FiscalFen, long? FiscalSpecialFen, long? OtherFen, string SourceMoneyUnit, long? PeriodTotalFen = null);

/// <summary>
/// A project with what a reviewer reads: <see cref="Code"/> (项目编码), <see cref="PolicyBasis"/> (政策依据 / 立项依据),
/// <see cref="CostBasis"/> (测算依据), the goals, and <see cref="Placeholders"/>, the category rows written 不适用 (not indicators).
/// </summary>
public sealed record ProjectDto(int Id, string Name, int UnitId, string UnitName, int? FiscalYear, AmountsDto Amounts, string Goal,
    string? PeriodGoal, string? AnnualGoal, ReviewStatus Status, string StatusName, string? Source, long Version,
    IReadOnlyList<IndicatorDto> Indicators, string? Code = null, string? PolicyBasis = null, string? CostBasis = null,
    IReadOnlyList<PlaceholderDto>? Placeholders = null)
{
    public static ProjectDto From(ProjectEntity p) => new(p.Id, p.Name, p.UnitId, p.Unit!.Name, p.FiscalYear,
        new AmountsDto(p.TotalFen, p.FiscalFen, p.FiscalSpecialFen, p.OtherFen, p.SourceMoneyUnit, p.PeriodTotalFen),
        p.Goal, p.PeriodGoal, p.AnnualGoal, p.Status, p.Status.Chinese(), p.Source, p.Version,
        p.Indicators.OrderBy(i => i.Position).Select(IndicatorDto.From).ToList(), p.Code, p.PolicyBasis, p.CostBasis,
        Data.Storing.PlaceholderRows.FromJson(p.Placeholders).Select(r => new PlaceholderDto(r.Level1Text, r.Level2Text, r.Name, r.AnnualText, r.Explanation)).ToList());
}

/// <summary>A category row that holds no indicator: the categories as written, the name (不适用, or empty), its value and 指标解释.</summary>
public sealed record PlaceholderDto(string? Level1, string? Level2, string Name, string? AnnualTarget, string? Explanation);

/// <summary>
/// The fields of PUT /api/v1/projects/{id}/fields, the whole set (a field null or missing is cleared): amounts in 分,
/// <see cref="Version"/> the project's version as read.
/// </summary>
public sealed record ProjectFieldsRequest(string? Code, string? Goal, string? PeriodGoal, string? PolicyBasis, string? CostBasis, long? TotalFen,
    long? PeriodTotalFen, long Version, string? Reason = null);

/// <summary>A target as stored: the raw text and the parsed columns (docs/formats.md); null when the cell is blank.</summary>
public sealed record TargetDto(string Text, string Kind, string? Comparator, bool Implicit, decimal? Value, decimal? Max, string? Unit, string? Direction);

/// <summary>An indicator; <see cref="Explanation"/> is its 指标解释.</summary>
public sealed record IndicatorDto(int Id, int ProjectId, int Position, int? Number, string? Level1Code, string? Level1Name, string? Level2Code,
    string? Level2Name, string Name, TargetDto? PeriodTarget, TargetDto? AnnualTarget, string? MeasureUnit, decimal? Weight, long Version,
    string? Explanation = null)
{
    public static IndicatorDto From(IndicatorEntity i)
    {
        var taxonomy = Domain.Taxonomy.IndicatorTaxonomy.Default;
        return new(i.Id, i.ProjectId, i.Position, i.Number, i.Level1Code, i.Level1Code is null ? null : taxonomy.FindByCode(i.Level1Code)?.Name,
            i.Level2Code, i.Level2Code is null ? null : taxonomy.FindByCode(i.Level2Code)?.Name, i.Name,
            i.PeriodText is null ? null : new(i.PeriodText, i.PeriodKind!, i.PeriodComparator, i.PeriodImplicit, i.PeriodValue, i.PeriodMax, i.PeriodUnit, i.PeriodDirection),
            i.AnnualText is null ? null : new(i.AnnualText, i.AnnualKind!, i.AnnualComparator, i.AnnualImplicit, i.AnnualValue, i.AnnualMax, i.AnnualUnit, i.AnnualDirection),
            i.MeasureUnit, i.Weight, i.Version, i.Explanation);
    }
}

public sealed record HistoryDto(long Id, DateTimeOffset At, string Actor, string Entity, int EntityId, string Field, string? OldValue, string? NewValue, string? Reason);

public sealed record ParseTargetRequest(string Text);

public sealed record LoginRequest(string UserName, string Password);

public sealed record MeDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> UnitIds);

public sealed record DiagnosticDto(string Severity, string Code, string? Location, string Message);

/// <summary>
/// An upload and what confirming it would do (or did). <see cref="FiscalYears"/> are the 预算年度 its projects will get
/// (empty: the file states none and none was chosen); <see cref="Kind"/> what the document is (targets,
/// department-targets, self-evaluation, monitoring, report) and <see cref="Findings"/> the numbers that do not compute.
/// </summary>
public sealed record ImportDto(int Id, string FileName, string Status, string Layout, int Units, int Projects, int Indicators,
    int ExistingProjects, bool CanConfirm, string? Blocker, IReadOnlyList<DiagnosticDto> Diagnostics, IReadOnlyList<int> FiscalYears,
    string? Kind = null, IReadOnlyList<FindingDto>? Findings = null)
{
    public static ImportDto From(ImportPreview p) => new(p.Batch.Id, p.Batch.FileName, p.Batch.Status.ToString().ToLowerInvariant(),
        p.Result.Layout, p.Result.Units.Count, p.Result.Projects.Count(), p.Result.IndicatorCount, p.Existing.Count, p.CanConfirm, p.Blocker,
        p.Result.Diagnostics.Select(d => new DiagnosticDto(d.Severity.ToString().ToLowerInvariant(), d.Code, d.Location?.ToString(), d.Message)).ToList(),
        p.FiscalYears,
        p.Document is { } d ? Jixiao.Import.Reading.ReadDocument.KindName(d.Kind) : null,
        p.Findings.Select(f => new FindingDto(f.Check, f.Where, f.Stated, f.Recomputed, f.Message)).ToList());
}

/// <summary>A number of a document that does not compute: the check, where, the stated and recomputed value, a Chinese message.</summary>
public sealed record FindingDto(string Check, string Where, string? Stated, string? Recomputed, string Message);

/// <summary>Why an import is undone (required; kept in the audit log).</summary>
public sealed record UndoImportRequest(string? Reason);

public sealed record CreateEvaluationRequest(string Kind, string? ExpertId = null);

public sealed record EvaluationSummaryDto(int Id, int ProjectId, string ProjectName, string Kind, decimal? Total, string? Grade, string Status,
    string? AssignedExpertId, long Version);

/// <summary>An evaluation: its metadata and the scored sheet in the shape of `jixiao score --json` (docs/evaluations.md).</summary>
public sealed record EvaluationDto(int Id, int ProjectId, string Kind, string Status, string? Expert, bool CanEdit, long Version,
    Domain.Evaluations.ScoredEvaluationJson Scored)
{
    public static EvaluationDto From(EvaluationView view) => new(view.Evaluation.Id, view.Evaluation.ProjectId, view.Evaluation.Kind.Chinese(),
        view.Evaluation.Status.ToString().ToLowerInvariant(), view.ExpertName, view.CanEdit, view.Evaluation.Version,
        Domain.Evaluations.ScoredEvaluationJson.From(view.Scored));
}

/// <summary>The evaluator's report texts as a report.json object (docs/reports.md), with the evaluation's version.</summary>
public sealed record ReportTextsDto(int EvaluationId, long Version, bool CanEdit, System.Text.Json.Nodes.JsonObject Texts)
{
    public static ReportTextsDto From(ReportTextsView view) =>
        new(view.EvaluationId, view.Version, view.CanEdit, Reporting.Reports.EvaluationReportTextsJsonWriter.ToNode(view.Texts));
}

/// <summary>Replaces the report texts: <see cref="Texts"/> is a report.json object; <see cref="Version"/> the evaluation's version as read.</summary>
public sealed record ReportTextsRequest(long Version, System.Text.Json.JsonElement Texts);

/// <summary>The 自评复核 of a stored 单位自评 (docs/recheck.md): the totals and grades, each line with its files and mark-downs, the findings.</summary>
public sealed record RecheckDto(int EvaluationId, string Rules, decimal? StatedTotal, string? StatedGrade, decimal Total, string Grade, bool GradeChanged,
    IReadOnlyList<RecheckLineDto> Lines, IReadOnlyList<Domain.Rechecks.RecheckFinding> Findings)
{
    public static RecheckDto From(int evaluationId, Domain.Rechecks.RecheckResult r) => new(evaluationId, r.Rules.Name, r.StatedTotal, r.StatedGrade, r.Total,
        r.Grade, r.GradeChanged,
        [.. r.Lines.Select((l, i) => new RecheckLineDto(i, l.Line.Name, l.Line.Weight, l.Line.StatedScore, l.Score, l.Difference, l.Line.EvidenceFiles, l.Reason,
            [.. l.MarkDowns.Select(m => new RecheckMarkDto(m.Kind.ToString(), m.Message))]))],
        r.Findings);
}

public sealed record RecheckLineDto(int Line, string Name, decimal? Weight, decimal? StatedScore, decimal? Score, decimal? Difference, int? EvidenceFiles,
    string Reason, IReadOnlyList<RecheckMarkDto> MarkDowns);

public sealed record RecheckMarkDto(string Kind, string Message);

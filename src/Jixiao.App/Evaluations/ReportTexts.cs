using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Diagnostics;
using Jixiao.Reporting.Reports;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evaluations;

/// <summary>The stored report texts of an evaluation, the version they were read at, and whether the user may edit them.</summary>
public sealed record ReportTextsView(int EvaluationId, long Version, bool CanEdit, EvaluationReportTexts Texts);

/// <summary>
/// 报告文字: the texts of the 绩效评价报告 the evaluator writes (项目背景, 主要内容, 工作过程, 经验做法, 存在问题, 建议, 其他 …),
/// kept with the evaluation (<see cref="EvaluationEntity.ReportTextsJson"/>, the report.json format of docs/reports.md).
/// Who may score the evaluation may write them; a locked evaluation keeps them as they are; every changed field is
/// written to the audit log (old → new). The report downloads use them.
/// </summary>
public static class ReportTexts
{
    private const string Stale = "该评价已被他人修改，您的报告文字未保存。请刷新后在最新内容上重新填写。";

    /// <summary>Chinese names of the fields, for the audit log and the form.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "报告标题", ["unit"] = "评价单位", ["department"] = "主管部门", ["implementingUnit"] = "实施单位",
        ["preface"] = "开篇段落", ["background"] = "项目背景", ["content"] = "主要内容及实施情况", ["funds"] = "资金投入和使用",
        ["overallGoal"] = "总体目标", ["annualGoal"] = "年度目标", ["goalCompletion"] = "总体目标完成情况", ["purpose"] = "评价目的",
        ["scope"] = "评价对象和范围", ["principles"] = "评价原则", ["methods"] = "评价方法和标准", ["process"] = "评价工作过程",
        ["experience"] = "主要经验及做法", ["problems"] = "存在的问题及原因分析", ["suggestions"] = "有关建议", ["other"] = "其他需要说明的问题",
        ["date"] = "报告日期",
    };

    /// <summary>The texts as stored; empty when none are.</summary>
    public static EvaluationReportTexts Of(EvaluationEntity evaluation) =>
        evaluation.ReportTextsJson is { } json ? EvaluationReportTextsJson.Read(json, $"evaluation-{evaluation.Id}.report.json").Texts : EvaluationReportTexts.Empty;

    /// <summary>A report.json text in the stored form (read and written again), for loading files such as the demo's.</summary>
    public static string Normalize(string json) => EvaluationReportTextsJsonWriter.Write(EvaluationReportTextsJson.Read(json).Texts);

    public static async Task<ReportTextsView?> GetAsync(JixiaoDbContext db, AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        var evaluation = await EvaluationSheets.Visible(db, scope).AsNoTracking().Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return evaluation is null ? null : new(evaluation.Id, evaluation.Version, EvaluationSheets.MayEdit(scope, evaluation, evaluation.Project!.UnitId), Of(evaluation));
    }

    /// <summary>Reads texts sent as a report.json object; an unknown field or a bad value is a Chinese problem, not silently dropped.</summary>
    public static (EvaluationReportTexts? Texts, string? Problem) Parse(JsonElement texts)
    {
        if (texts.ValueKind != JsonValueKind.Object)
        {
            return (null, "texts 应为对象，字段见 docs/reports.md（background、process、problems …）。");
        }

        var read = EvaluationReportTextsJson.Read(texts.GetRawText(), "texts");
        return read.Diagnostics.FirstOrDefault(d => d.Severity != Severity.Info) is { } problem ? (null, problem.Message) : (read.Texts, null);
    }

    /// <summary>Replaces the stored texts by <paramref name="texts"/> if <paramref name="version"/> is the evaluation's current one.</summary>
    public static async Task<(Outcome Outcome, ReportTextsView? View)> SaveAsync(JixiaoDbContext db, AccessScope scope, int id, long version,
        EvaluationReportTexts texts, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var evaluation = await EvaluationSheets.Visible(db, scope).Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return (new Outcome.NotFound($"找不到评价 {id}。"), null);
        }

        if (!EvaluationSheets.MayEdit(scope, evaluation, evaluation.Project!.UnitId))
        {
            return (evaluation.Status == EvaluationStatus.Locked
                ? new Outcome.Conflict("该评价已提交锁定，报告文字不能再修改。")
                : new Outcome.Forbidden("只有指派的评价专家（单位自评为本单位填报人）可以填写报告文字。"), null);
        }

        if (evaluation.Version != version)
        {
            return (new Outcome.Conflict(Stale), null);
        }

        var before = EvaluationReportTextsJsonWriter.ToNode(Of(evaluation));
        var after = EvaluationReportTextsJsonWriter.ToNode(texts);
        var at = clock.GetUtcNow();
        var changed = false;
        foreach (var field in Labels.Keys)
        {
            var old = Describe(before[field]);
            var @new = Describe(after[field]);
            if (old != @new)
            {
                changed = true;
                db.AuditLog.Add(new AuditEntry
                {
                    At = at, Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = evaluation.ProjectId,
                    Field = "report." + field, OldValue = old, NewValue = @new, Reason = $"报告文字：{Labels[field]}",
                });
            }
        }

        if (changed)
        {
            evaluation.ReportTextsJson = EvaluationReportTextsJsonWriter.Write(texts);
            db.Entry(evaluation).Property(e => e.Version).OriginalValue = version;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (new Outcome.Conflict(Stale), null);
            }
        }

        return (Outcome.Ok, new(evaluation.Id, evaluation.Version, true, Of(evaluation)));
    }

    /// <summary>The items of 经验/问题/建议 as the form writes them: one item a block (blank line between), a first line 【标题】 is its heading.</summary>
    public static string FormatItems(IReadOnlyList<TextItem> items) =>
        string.Join("\n\n", items.Select(i => i.Title is null ? i.Body : $"【{i.Title}】\n{i.Body}"));

    public static List<TextItem> ParseItems(string? text)
    {
        var items = new List<TextItem>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return items;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var block = new List<string>();
        void Flush()
        {
            if (block.Count == 0)
            {
                return;
            }

            string? title = null;
            var first = block[0].Trim();
            if (first.Length > 2 && first[0] == '【' && first[^1] == '】')
            {
                title = first[1..^1].Trim();
                block.RemoveAt(0);
            }

            items.Add(new TextItem(title, string.Join("\n", block.Select(l => l.Trim()))));
            block.Clear();
        }

        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                Flush();
            }
            else
            {
                block.Add(line);
            }
        }

        Flush();
        return items;
    }

    private static string? Describe(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Join("\n\n", a.Select(e => e is JsonObject o ? $"【{(string?)o["title"]}】\n{(string?)o["body"]}" : (string?)e)),
        _ => node.ToJsonString(),
    };
}

using System.Globalization;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Rechecks;
using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Documents;
using static Jixiao.Reporting.Reports.ReportText;

namespace Jixiao.Reporting.Rechecks;

/// <summary>A rechecked evaluation of the 复核报告: its file, the 复核 with the reviewer's decisions taken, every finding, how many lines the reviewer overrode or accepted.</summary>
public sealed record RecheckReportEvaluation(string File, RecheckResult Result, IReadOnlyList<RecheckFinding> Findings, int Overridden, int Accepted);

/// <summary>A file that was not rechecked (or a duplicate) and why.</summary>
public sealed record RecheckReportFile(string File, string Reason);

/// <summary>A line whose 复核 score the reviewer changed.</summary>
public sealed record RecheckReportOverride(string? Unit, string? Project, string Line, decimal? Rechecked, decimal Decided, string Reason);

/// <summary>
/// A 复核批次 for its report: its name, who uploaded it, the day, the number of files, the evaluations rechecked, the
/// files not rechecked and the duplicates, the reviewer's overrides, and whether every file has been rechecked.
/// </summary>
public sealed record RecheckReportModel(string BatchName, string Reviewer, DateOnly Date, int Files, IReadOnlyList<RecheckReportEvaluation> Evaluations,
    IReadOnlyList<RecheckReportFile> NotRechecked, IReadOnlyList<RecheckReportFile> Duplicates, IReadOnlyList<RecheckReportOverride> Overrides, bool Finished);

/// <summary>
/// 自评复核报告 (.docx) in the outline of a finance bureau's 复核 report: 复核范围 (files, evaluations, units, projects,
/// years), 复核方法 (the rule set's rules with their sources), 复核发现 by check (a table, then each finding), 复核结果 (grades
/// before and after, totals), the evaluations whose grade changes, the files not rechecked, and the reviewer's overrides.
/// </summary>
public static class RecheckReport
{
    /// <summary>Findings listed per check in the report; the rest are counted and left to the 自评复核表.</summary>
    public const int FindingsListed = 30;

    public static ReportDocument Compose(RecheckReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var numbers = new HeadingNumbers();
        var evaluations = model.Evaluations;
        var date = model.Date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var blocks = new List<Block> { new Block.Title("自评复核报告", $"{model.BatchName}（{date}）") };

        blocks.Add(new Block.Heading(1, numbers.Next(1), "复核范围"));
        var units = evaluations.Select(e => e.Result.Input.BudgetUnit).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct().Count();
        var projects = evaluations.Select(e => (e.Result.Input.BudgetUnit, e.Result.Input.Project)).Distinct().Count();
        var years = evaluations.Select(e => e.Result.Input.Year).OfType<int>().Distinct().Order().ToList();
        blocks.Add(new Block.Paragraph(
            $"本次复核的对象为{model.Reviewer}上传的复核批次“{model.BatchName}”，共{Count(model.Files)}个文件。"
            + $"复核单位自评{Count(evaluations.Count)}份，涉及{Count(units)}个单位、{Count(projects)}个项目"
            + (years.Count == 0 ? "" : $"（预算年度{(years.Count == 1 ? Count(years[0]) : $"{Count(years[0])}—{Count(years[^1])}")}年）") + "。"
            + (model.NotRechecked.Count > 0 ? $"{Count(model.NotRechecked.Count)}个文件未能复核，" : "")
            + (model.Duplicates.Count > 0 ? $"{Count(model.Duplicates.Count)}个文件与本批其他文件内容相同、未重复复核，" : "")
            + (model.NotRechecked.Count + model.Duplicates.Count > 0 ? "见“未能复核的文件”。" : "")
            + (model.Finished ? "" : "本批次尚未复核完毕，本报告只含已复核的文件。")));

        blocks.Add(new Block.Heading(1, numbers.Next(1), "复核方法"));
        blocks.Add(new Block.Paragraph("按单位报送的自评表原样读取每一行的分值、年度指标值、实际完成值和自评得分，依据复核规则逐项重新计分，"
            + "并将单位的数字与重算结果比对：执行率、得分、合计、分值、等级与规则不符的，列为复核发现。"));
        foreach (var rules in evaluations.Select(e => e.Result.Rules).DistinctBy(r => r.Name))
        {
            blocks.AddRange(Method(rules, evaluations.Count(e => e.Result.Rules.Name == rules.Name), evaluations.Count));
        }

        var overridden = evaluations.Sum(e => e.Overridden);
        var accepted = evaluations.Sum(e => e.Accepted);
        blocks.Add(new Block.Paragraph(overridden + accepted == 0
            ? "复核人未调整任何一行的复核得分，本报告的复核总分和等级均为按规则重算的结果。"
            : $"复核人逐行审阅了复核得分：调整{Count(overridden)}行、确认{Count(accepted)}行，调整后的总分和等级计入本报告（调整见“复核人调整的复核得分”）。"));

        blocks.Add(new Block.Heading(1, numbers.Next(1), "复核发现"));
        var findings = evaluations.SelectMany(e => e.Findings.Select(f => (Evaluation: e, Finding: f))).ToList();
        if (findings.Count == 0)
        {
            blocks.Add(new Block.Paragraph("复核未发现与规则不符的数字。"));
        }
        else
        {
            var byCheck = findings.GroupBy(f => f.Finding.Check).OrderBy(g => RecheckChecks.Order(g.Key)).ToList();
            blocks.Add(new Block.Paragraph($"复核共发现{Count(findings.Count)}处问题，涉及{Count(findings.Select(f => f.Evaluation).Distinct().Count())}份自评，按检查项分列如下。"));
            blocks.Add(new Block.Table(
                [new("检查项", 3.2), new("代码", 2.4), new("发现数", 1.2, CellAlign.Center), new("涉及自评", 1.2, CellAlign.Center)],
                [new TableRow(["检查项", "代码", "发现数", "涉及自评"], Bold: true)],
                [.. byCheck.Select(g => new TableRow([RecheckChecks.Title(g.Key), g.Key, Count(g.Count()), Count(g.Select(f => f.Evaluation).Distinct().Count())])),
                    new TableRow(["合计", "", Count(findings.Count), Count(findings.Select(f => f.Evaluation).Distinct().Count())], Bold: true)],
                Caption: "表1 复核发现（按检查项）"));
            foreach (var group in byCheck)
            {
                blocks.Add(new Block.Heading(2, numbers.Next(2), $"{RecheckChecks.Title(group.Key)}（{Count(group.Count())}处）"));
                var n = 0;
                foreach (var (evaluation, finding) in group.Take(FindingsListed))
                {
                    blocks.Add(new Block.Paragraph($"{Count(++n)}. {Who(evaluation)}：{finding.Message}", ParagraphStyle.Plain));
                }

                if (group.Count() > FindingsListed)
                {
                    blocks.Add(new Block.Paragraph($"另有{Count(group.Count() - FindingsListed)}处，见自评复核表。", ParagraphStyle.Note));
                }
            }
        }

        blocks.Add(new Block.Heading(1, numbers.Next(1), "复核结果"));
        if (evaluations.Count == 0)
        {
            blocks.Add(new Block.Paragraph("本批次没有复核完成的自评。"));
        }
        else
        {
            var stated = evaluations.Where(e => e.Result.StatedTotal is not null).ToList();
            var lower = stated.Count(e => e.Result.Total < e.Result.StatedTotal);
            var higher = stated.Count(e => e.Result.Total > e.Result.StatedTotal);
            var capped = evaluations.Count(e => e.Result.Cap is not null);
            blocks.Add(new Block.Paragraph(
                (stated.Count > 0 ? $"{Count(stated.Count)}份自评有自评总分，平均自评{Points(stated.Average(e => e.Result.StatedTotal!.Value))}分、复核{Points(stated.Average(e => e.Result.Total))}分；" : "")
                + $"复核总分低于自评的{Count(lower)}份，高于自评的{Count(higher)}份"
                + (capped > 0 ? $"，{Count(capped)}份因预算执行率偏低按规则限定了总分" : "")
                + $"；等级发生变化的{Count(evaluations.Count(e => e.Result.GradeChanged))}份。"));
            var grades = evaluations.SelectMany(e => new[] { e.Result.Grade, e.Result.StatedGrade }).OfType<string>().Distinct()
                .OrderBy(GradeOrder).ToList();
            blocks.Add(new Block.Table(
                [new("等级", 2), new("自评（份）", 2, CellAlign.Center), new("复核（份）", 2, CellAlign.Center)],
                [new TableRow(["等级", "自评（份）", "复核（份）"], Bold: true)],
                [.. grades.Select(g => new TableRow([g, Count(evaluations.Count(e => e.Result.StatedGrade == g)), Count(evaluations.Count(e => e.Result.Grade == g))])),
                    .. evaluations.Any(e => e.Result.StatedGrade is null)
                        ? [new TableRow(["自评未注明", Count(evaluations.Count(e => e.Result.StatedGrade is null)), "—"])]
                        : Array.Empty<TableRow>()],
                Caption: "表2 自评与复核等级"));
        }

        blocks.Add(new Block.Heading(1, numbers.Next(1), "等级发生变化的自评"));
        var changed = evaluations.Where(e => e.Result.GradeChanged).ToList();
        if (changed.Count == 0)
        {
            blocks.Add(new Block.Paragraph("没有等级发生变化的自评。"));
        }
        else
        {
            var i = 0;
            blocks.Add(new Block.Table(
                [new("序号", 0.8, CellAlign.Center), new("单位 / 项目", 3.6), new("自评", 1.3, CellAlign.Center), new("复核", 1.3, CellAlign.Center),
                    new("等级变化", 1.3, CellAlign.Center), new("主要原因", 3.2)],
                [new TableRow(["序号", "单位 / 项目", "自评", "复核", "等级变化", "主要原因"], Bold: true)],
                [.. changed.Select(e => new TableRow([
                    Count(++i), Who(e), e.Result.StatedTotal is { } s ? Points(s) + "分" : "—", Points(e.Result.Total) + "分", e.Result.GradeChange, Why(e),
                ]))],
                Caption: "表3 等级发生变化的自评", FontSizePoints: 9));
        }

        blocks.Add(new Block.Heading(1, numbers.Next(1), "未能复核的文件"));
        var files = model.NotRechecked.Concat(model.Duplicates).ToList();
        if (files.Count == 0)
        {
            blocks.Add(new Block.Paragraph("本批次的文件均已复核。"));
        }
        else
        {
            var i = 0;
            blocks.Add(new Block.Table(
                [new("序号", 0.8, CellAlign.Center), new("文件", 3.6), new("原因", 5.6)],
                [new TableRow(["序号", "文件", "原因"], Bold: true)],
                [.. files.Select(f => new TableRow([Count(++i), f.File, f.Reason]))],
                Caption: "表4 未能复核的文件", FontSizePoints: 9));
        }

        if (model.Overrides.Count > 0)
        {
            blocks.Add(new Block.Heading(1, numbers.Next(1), "复核人调整的复核得分"));
            blocks.Add(new Block.Table(
                [new("单位 / 项目", 3.4), new("指标", 2.4), new("按规则", 1.1, CellAlign.Center), new("调整为", 1.1, CellAlign.Center), new("理由", 3.0)],
                [new TableRow(["单位 / 项目", "指标", "按规则", "调整为", "理由"], Bold: true)],
                [.. model.Overrides.Select(o => new TableRow([
                    $"{o.Unit ?? "（未注明单位）"}：{o.Project ?? "（未注明项目）"}", o.Line, o.Rechecked is { } r ? Points(r) + "分" : "—", Points(o.Decided) + "分", o.Reason,
                ]))],
                Caption: "表5 复核人调整的复核得分", FontSizePoints: 9));
        }

        return new ReportDocument("自评复核报告", blocks);
    }

    public static void WriteDocx(RecheckReportModel model, Stream output, DocxOptions? options = null) =>
        DocxRenderer.Render(Compose(model), output, options);

    /// <summary>The rules of one rule set as the method section states them, each with its source.</summary>
    private static IEnumerable<Block> Method(RecheckRuleSet rules, int used, int all)
    {
        yield return new Block.Paragraph(
            (all > used ? $"其中{Count(used)}份自评" : "本批自评") + $"依据复核规则“{rules.Name}”（{rules.Title}）复核，规则及其出处如下：", ParagraphStyle.Plain);
        var n = 0;
        string Source(RuleSource source) => source.DistrictChoice ? $"（{source.Text}；此项为地区选择）" : $"（{source.Text}）";
        yield return Item(ref n, $"预算执行率：分值{Points(rules.BudgetExecution.Weight)}分，得分 = min(全年执行数 ÷ 全年预算数, 100%) × 分值{Source(rules.BudgetExecution.Source)}。");
        yield return Item(ref n, $"定量指标：达到指标值的得满分，未达到的按 实际完成值 ÷ 指标值 × 分值 计分，反向指标按偏离程度计分{Source(rules.Quantitative)}。");
        var bands = string.Join("，", rules.Qualitative.Bands.Select(b => $"{b.Rating.Chinese()}按分值的{Points(b.MinPercent)}%—{Points(b.MaxPercent)}%"));
        yield return Item(ref n, $"定性指标：{bands}；自评得分在档内的保留，超出档次的按档次上下限计{Source(rules.Qualitative.Source)}。");
        var over = rules.OverAchievement;
        var policy = over.Policy switch
        {
            OverAchievementPolicy.Deduct => $"实际完成值达到指标值的{Points(over.ThresholdPercent)}%以上且未说明原因的，按 指标值 ÷ 实际完成值 × 分值 调减",
            OverAchievementPolicy.FixedPoints => $"实际完成值达到指标值的{Points(over.ThresholdPercent)}%以上的，扣{Points(over.Points)}分",
            OverAchievementPolicy.Explain => $"实际完成值达到指标值的{Points(over.ThresholdPercent)}%以上的，应说明超额原因，不扣分",
            OverAchievementPolicy.None => "不因超额完成扣分",
            _ => throw new ArgumentOutOfRangeException(nameof(rules)),
        };
        yield return Item(ref n, $"超额完成：{policy}{Source(over.Source)}。");
        if (rules.Caps.Count > 0)
        {
            var caps = string.Join("，", rules.Caps.OrderByDescending(c => c.ExecutionBelowPercent).Select(c => $"低于{Points(c.ExecutionBelowPercent)}%的最高{Points(c.MaxTotal)}分"));
            yield return Item(ref n, $"按预算执行率限定总分：{caps}{Source(rules.CapSource)}。");
        }

        var marks = new List<string>();
        if (rules.Duplicate.Enabled)
        {
            marks.Add(rules.Duplicate.MaxShare == 0 ? "产出和效益下重复的同一指标只计一次" : $"产出和效益下重复的指标最多计分值的{Points(rules.Duplicate.MaxShare * 100)}%");
        }

        if (rules.VagueQualitative.Enabled)
        {
            marks.Add($"无法衡量的定性指标（如“{string.Join("”“", rules.VagueQualitative.Words.Take(3))}”）最多计分值的{Points(rules.VagueQualitative.MaxShare * 100)}%");
        }

        if (rules.MoneyOnlyQuantity.Enabled)
        {
            marks.Add($"只衡量资金支付的数量指标最多计分值的{Points(rules.MoneyOnlyQuantity.MaxShare * 100)}%");
        }

        if (rules.DeductionWithoutReason.Enabled)
        {
            marks.Add("扣分而未说明原因的行标出");
        }

        if (marks.Count > 0)
        {
            yield return Item(ref n, $"复核人规则：{string.Join("；", marks)}（复核人做法，地区可调整）。");
        }

        yield return Item(ref n, $"等级：{rules.Grades}{Source(rules.GradeSource)}。");
    }

    private static Block.Paragraph Item(ref int n, string text) => new($"{Count(++n)}. {text}", ParagraphStyle.Plain);

    private static string Who(RecheckReportEvaluation e) =>
        $"{e.Result.Input.BudgetUnit ?? "（未注明单位）"}：{e.Result.Input.Project ?? "（未注明项目）"}（{e.File}）";

    /// <summary>Why a grade changed, briefly: the cap, the checks found, the reviewer's overrides.</summary>
    private static string Why(RecheckReportEvaluation e)
    {
        var why = new List<string>();
        if (e.Result.Cap is { } cap)
        {
            why.Add($"预算执行率低于{Points(cap.ExecutionBelowPercent)}%，总分限{Points(cap.MaxTotal)}分");
        }

        why.AddRange(e.Findings.GroupBy(f => f.Check).OrderBy(g => RecheckChecks.Order(g.Key)).Take(3)
            .Select(g => $"{RecheckChecks.Title(g.Key)}{(g.Count() > 1 ? $" {Count(g.Count())} 处" : "")}"));
        if (e.Overridden > 0)
        {
            why.Add($"复核人调整{Count(e.Overridden)}行");
        }

        return why.Count == 0 ? "按规则重算各项得分" : string.Join("；", why);
    }

    private static int GradeOrder(string grade) => grade switch
    {
        "优" => 0,
        "良" => 1,
        "中" => 2,
        "差" => 3,
        _ => 4,
    };
}

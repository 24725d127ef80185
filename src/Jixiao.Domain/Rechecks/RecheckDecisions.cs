using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Rechecks;

/// <summary>
/// A reviewer's word on one line of a 复核 (<see cref="RecheckResult.Lines"/>[<see cref="Line"/>]): accept the 复核
/// score (<see cref="Score"/> null), or put another score with the reason it is changed.
/// </summary>
public sealed record LineDecision(int Line, decimal? Score, string? Reason)
{
    public bool Accepts => Score is null;
}

/// <summary>
/// The reviewer's accept or override of a 复核's lines (issue #16 item 3): which decisions may be taken, and the 复核
/// with them — each overridden line scored as the reviewer says, the total, its cap by 预算执行率 and the grade
/// following. The 预算执行率 line is arithmetic of the amounts and is not overridden; a 细项 may be, but its heading
/// is what the total counts.
/// </summary>
public static class RecheckDecisions
{
    public const int MaxReasonLength = 2000;

    /// <summary>Why <paramref name="decision"/> cannot be taken on <paramref name="result"/> (Chinese: which line, what is wrong), or null.</summary>
    public static string? Check(RecheckResult result, LineDecision decision)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Line < 0 || decision.Line >= result.Lines.Count)
        {
            return $"第 {decision.Line + 1} 行不存在：本评价共 {result.Lines.Count} 行指标。";
        }

        var line = result.Lines[decision.Line].Line;
        var where = $"第 {decision.Line + 1} 行“{line.Name}”";
        if (decision.Reason is { Length: > MaxReasonLength })
        {
            return $"{where}：理由不能超过 {MaxReasonLength} 个字符。";
        }

        if (decision.Score is not { } score)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(decision.Reason))
        {
            return $"{where}：调整复核得分须填写理由（将记入审计日志）。";
        }

        if (line.Weight is not { } weight || weight < 0)
        {
            return $"{where}：表内没有分值，无法确定得分范围，不能调整复核得分。";
        }

        if (score < 0 || score > weight)
        {
            return $"{where}：复核得分 {Numbers.Format(score)} 不在 0–{Numbers.Format(weight)} 分之间（该行分值 {Numbers.Format(weight)} 分）。";
        }

        return decimal.Round(score, 2) != score ? $"{where}：复核得分最多保留两位小数，“{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}”不行。" : null;
    }

    /// <summary>
    /// <paramref name="result"/> with <paramref name="decisions"/> taken (at most one per line; each must pass
    /// <see cref="Check"/>): the overridden lines' scores and reasons, the total before and after its cap, the grade.
    /// The findings stay: they are about the unit's own numbers.
    /// </summary>
    public static RecheckResult Apply(RecheckResult result, IEnumerable<LineDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(decisions);
        var lines = result.Lines.ToArray();
        var taken = new HashSet<int>();
        foreach (var decision in decisions)
        {
            if (Check(result, decision) is { } refused)
            {
                throw new ArgumentException(refused, nameof(decisions));
            }

            if (!taken.Add(decision.Line))
            {
                throw new ArgumentException($"Line {decision.Line} has more than one decision.", nameof(decisions));
            }

            var line = lines[decision.Line];
            lines[decision.Line] = decision.Score is { } score
                ? line with
                {
                    Score = score,
                    Reason = $"{line.Reason}；复核人改为 {Numbers.Format(score)} 分（原复核 {(line.Score is { } was ? Numbers.Format(was) + " 分" : "未计分")}）：{decision.Reason!.Trim()}",
                }
                : line with { Reason = $"{line.Reason}；复核人已确认" + (string.IsNullOrWhiteSpace(decision.Reason) ? "" : $"：{decision.Reason.Trim()}") };
        }

        var (uncapped, cap, total) = Rechecker.Totals(result.Budget, lines, result.Rules);
        return result with
        {
            Lines = lines,
            UncappedTotal = uncapped,
            Cap = total < uncapped ? cap : null,
            Total = total,
            Grade = result.Rules.Grades.GradeOf(total),
        };
    }
}

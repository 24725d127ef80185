using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.ResultUse;

/// <summary>What a grade advises for the next budget (结果应用).</summary>
public enum ResultAction
{
    /// <summary>优先保障: the request stands.</summary>
    Prioritize,

    /// <summary>控制新增: at most this year's budget.</summary>
    ControlGrowth,

    /// <summary>压减: this year's budget less <see cref="ResultUseRule.Percent"/> %.</summary>
    Cut,

    /// <summary>取消: nothing.</summary>
    Cancel,

    /// <summary>一次性项目 graded 差: no similar new project from that unit.</summary>
    NoSimilarNew,

    /// <summary>按正常程序: the grade advises nothing particular (a one-off project graded well).</summary>
    Normal,
}

/// <summary>One grade's advice: the action, its cut in percent (only for <see cref="ResultAction.Cut"/>), the wording shown.</summary>
public sealed record ResultUseRule(ResultAction Action, decimal? Percent, string Wording);

/// <summary>The rules of budget years <see cref="FromYear"/>..<see cref="ToYear"/> (null: open), with their source.</summary>
public sealed record ResultUsePeriod(int FromYear, int? ToYear, string Source, IReadOnlySet<string> FindingGrades,
    IReadOnlyDictionary<string, ResultUseRule> Recurring, IReadOnlyDictionary<string, ResultUseRule> OneOff)
{
    public bool Covers(int year) => year >= FromYear && (ToYear is null || year <= ToYear);
}

/// <summary>
/// A district's 结果应用 rules (Data/result-use-rules.json by default): per period of budget years, the advice of each
/// grade for recurring and for one-off projects, and the grades whose request must fall below this year's budget.
/// </summary>
public sealed record ResultUseRules(string Version, string District, IReadOnlyList<ResultUsePeriod> Periods)
{
    /// <summary>RES001: a rule file that does not validate.</summary>
    public const string InvalidFileCode = "RES001";

    /// <summary>The grades a rule set must cover (the 四级 scale of 财预〔2020〕10号); 低 of the 五级 scale may be added.</summary>
    public static readonly IReadOnlyList<string> RequiredGrades = ["优", "良", "中", "差"];

    private static readonly string[] KnownGrades = ["优", "良", "中", "低", "差"];

    private static readonly Lazy<ResultUseRules> DefaultRules = new(() =>
    {
        var load = Load(Jixiao.Domain.Data.EmbeddedData.Text("result-use-rules.json"), "result-use-rules.json");
        return load.Rules ?? throw new InvalidOperationException("The embedded result-use-rules.json does not validate: " + load.Error!.Message);
    });

    public static ResultUseRules Default => DefaultRules.Value;

    /// <summary>The period that covers a budget year; null when none does (no advice then).</summary>
    public ResultUsePeriod? For(int year) => Periods.FirstOrDefault(p => p.Covers(year));

    /// <summary>Reads and validates a rule file; never throws on its content (RES001 with the line and a Chinese reason).</summary>
    public static ResultUseRulesLoad Load(string json, string fileName)
    {
        if (!JsonLines.TryParse(json, out var bytes, out var root, out var error))
        {
            return Fail(fileName, error.Line, error.Message);
        }

        try
        {
            return new(Read(root), null);
        }
        catch (RuleError e)
        {
            return Fail(fileName, JsonLines.Of(bytes).LineOf(e.Path), e.Reason);
        }
    }

    private static ResultUseRulesLoad Fail(string fileName, int line, string reason) =>
        new(null, new Diagnostic(Severity.Error, InvalidFileCode, new SourceLocation(fileName, line), $"结果应用规则文件 {fileName} 第 {line} 行：{reason}"));

    private static ResultUseRules Read(JsonNode? root)
    {
        var top = Object(root, "", ["version", "district", "periods"]);
        if (top["periods"] is not JsonArray array || array.Count == 0)
        {
            throw new RuleError("periods", "periods 应为至少有一项的数组（每项一段预算年度的规则）。");
        }

        var periods = new List<ResultUsePeriod>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"periods[{i}]";
            var period = Object(array[i], path, ["fromYear", "toYear", "source", "findingGrades", "recurring", "oneOff"]);
            var from = Year(period, path, "fromYear");
            int? to = period["toYear"] is null ? null : Year(period, path, "toYear");
            if (to < from)
            {
                throw new RuleError(path + ".toYear", $"{path}.toYear（{to}）早于 fromYear（{from}）。");
            }

            if (periods.FirstOrDefault(p => p.FromYear <= (to ?? int.MaxValue) && from <= (p.ToYear ?? int.MaxValue)) is { } overlap)
            {
                throw new RuleError(path + ".fromYear", $"{path} 与从 {overlap.FromYear} 年起的规则年度重叠：每个预算年度只能有一套规则。");
            }

            periods.Add(new ResultUsePeriod(from, to, Text(period, path, "source"), FindingGrades(period, path),
                Grades(period, path, "recurring"), Grades(period, path, "oneOff")));
        }

        return new ResultUseRules(Text(top, "", "version"), Text(top, "", "district"), periods);
    }

    private static HashSet<string> FindingGrades(JsonObject period, string path)
    {
        var at = path + ".findingGrades";
        if (period["findingGrades"] is not JsonArray array)
        {
            throw new RuleError(at, $"缺少 {at}（如 [\"中\", \"差\"]：这些等级的项目下年申请不低于本年预算时提示）。");
        }

        var grades = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var grade = array[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
            if (!KnownGrades.Contains(grade))
            {
                throw new RuleError($"{at}[{i}]", $"{at} 的等级“{grade}”无效（应为 优、良、中、低 或 差）。");
            }

            grades.Add(grade);
        }

        return grades;
    }

    private static Dictionary<string, ResultUseRule> Grades(JsonObject period, string path, string name)
    {
        var at = path + "." + name;
        var grades = Object(period[name], at, KnownGrades);
        var rules = new Dictionary<string, ResultUseRule>(StringComparer.Ordinal);
        foreach (var grade in KnownGrades)
        {
            if (grades[grade] is null)
            {
                if (RequiredGrades.Contains(grade))
                {
                    throw new RuleError(at, $"{at} 缺少等级“{grade}”的规则（优、良、中、差 都要有）。");
                }

                continue;
            }

            var rulePath = at + "." + grade;
            var rule = Object(grades[grade], rulePath, ["action", "percent", "wording"]);
            var actionText = rule["action"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var action = actionText is null ? null : ResultActions.All.Cast<ResultAction?>().FirstOrDefault(a => a!.Value.Name() == actionText);
            if (action is null)
            {
                throw new RuleError(rulePath + ".action", actionText is null
                    ? $"缺少 {rulePath}.action。"
                    : $"{rulePath}.action “{actionText}”无效（应为 prioritize、controlGrowth、cut、cancel、noSimilarNew 或 normal）。");
            }

            decimal? percent = null;
            if (action == ResultAction.Cut)
            {
                percent = rule["percent"] is JsonValue p && p.GetValueKind() == JsonValueKind.Number && p.TryGetValue<decimal>(out var d)
                    ? d
                    : throw new RuleError(rulePath + ".percent", $"{rulePath} 是压减（cut），须写 percent（压减的百分比，如 10）。");
                if (percent is <= 0 or >= 100)
                {
                    throw new RuleError(rulePath + ".percent",
                        $"{rulePath}.percent 应大于 0、小于 100（现为 {percent.Value.ToString(CultureInfo.InvariantCulture)}）；全部取消请用 cancel。");
                }
            }
            else if (rule["percent"] is not null)
            {
                throw new RuleError(rulePath + ".percent", $"{rulePath}.percent 只用于压减（cut）。");
            }

            rules[grade] = new ResultUseRule(action.Value, percent, Text(rule, rulePath, "wording"));
        }

        return rules;
    }

    private static JsonObject Object(JsonNode? node, string path, string[] allowed)
    {
        var shown = path.Length == 0 ? "文件" : path;
        if (node is not JsonObject obj)
        {
            throw new RuleError(path, node is null ? $"缺少 {shown}。" : $"{shown} 应为对象（{{ … }}）。");
        }

        foreach (var (key, _) in obj)
        {
            if (!key.StartsWith('$') && !allowed.Contains(key))
            {
                var at = path.Length == 0 ? key : path + "." + key;
                throw new RuleError(at, $"{shown} 中的“{key}”不是已知的字段（可用：{string.Join("、", allowed)}）。");
            }
        }

        return obj;
    }

    private static string Text(JsonObject obj, string path, string name)
    {
        var at = path.Length == 0 ? name : path + "." + name;
        return obj[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0
            ? s.Trim()
            : throw new RuleError(at, obj[name] is null ? $"缺少 {at}。" : $"{at} 应为非空文字。");
    }

    private static int Year(JsonObject obj, string path, string name)
    {
        var at = path + "." + name;
        return obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var y) && y is >= 2000 and <= 2100
            ? y
            : throw new RuleError(at, obj[name] is null ? $"缺少 {at}。" : $"{at} 应为 2000 到 2100 之间的年份。");
    }

    private sealed class RuleError(string path, string reason) : Exception(reason)
    {
        public string Path { get; } = path;
        public string Reason { get; } = reason;
    }
}

/// <summary>A loaded rule file, or why it was refused (RES001, with the file and line).</summary>
public sealed record ResultUseRulesLoad(ResultUseRules? Rules, Diagnostic? Error);

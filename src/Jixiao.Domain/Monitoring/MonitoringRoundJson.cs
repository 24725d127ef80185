using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Monitoring;

/// <summary>One indicator of a JSON round (docs/monitoring.md): texts as the 监控表 has them.</summary>
public sealed record RoundFileIndicator(string Name, string? Target, string? Progress, string? ExpectedAnnual, string? DeviationCause,
    Likelihood? Likelihood, string? Correction);

/// <summary>One project of a JSON round; money in 万元.</summary>
public sealed record RoundFileProject(string Name, string? Unit, decimal? BudgetWanYuan, decimal? ExecutedWanYuan, decimal? ExpectedAnnualWanYuan,
    IReadOnlyList<RoundFileIndicator> Indicators)
{
    public ProjectProgress Progress(int month) => new(Name, month, BudgetWanYuan, ExecutedWanYuan,
        Indicators.Select(i => new IndicatorProgress(i.Name, i.Target is null ? null : TargetParser.Parse(i.Target), i.Progress, i.Likelihood)).ToList());
}

/// <summary>A filled round as JSON: the 预算年度, the month N of 1–N月, and its projects.</summary>
public sealed record RoundFile(int? Year, int? Month, IReadOnlyList<RoundFileProject> Projects);

/// <summary>
/// Reads the JSON round of docs/monitoring.md (what `jixiao monitor` takes besides a 监控表 document). Never throws
/// on the content: every problem is a MON002 diagnostic with its line, and a file with any is not used.
/// </summary>
public static class MonitoringRoundJson
{
    public const string InvalidRoundCode = "MON002";

    private static readonly string[] RootFields = ["$comment", "year", "month", "projects"];
    private static readonly string[] ProjectFields = ["name", "unit", "budgetWanYuan", "executedWanYuan", "expectedAnnualWanYuan", "indicators"];
    private static readonly string[] IndicatorFields = ["name", "target", "progress", "expectedAnnual", "deviationCause", "likelihood", "correction"];

    public static (RoundFile? Round, IReadOnlyList<Diagnostic> Errors) Read(string json, string fileName, MonitoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<Diagnostic>();
        if (!JsonLines.TryParse(json, out var bytes, out var root, out var error))
        {
            return (null, [Error(fileName, error.Line, error.Message)]);
        }

        var lines = JsonLines.Of(bytes);
        void Add(string path, string message) => errors.Add(Error(fileName, lines.LineOf(path), message));

        if (root is not JsonObject top)
        {
            return (null, [Error(fileName, 1, "监控数据应为 JSON 对象（{ \"month\": 7, \"projects\": […] }）。")]);
        }

        Unknown(top, "", RootFields, Add);
        var year = Integer(top, "", "year", 2000, 2100, Add);
        var month = Integer(top, "", "month", 1, 12, Add);
        var projects = new List<RoundFileProject>();
        if (top["projects"] is not JsonArray array || array.Count == 0)
        {
            Add("projects", "缺少 projects（至少一个项目）。");
            return (null, errors);
        }

        for (var p = 0; p < array.Count; p++)
        {
            var path = $"projects[{p}]";
            if (array[p] is not JsonObject project)
            {
                Add(path, $"第 {p + 1} 个项目应为对象。");
                continue;
            }

            Unknown(project, path, ProjectFields, Add);
            var name = Text(project, path, "name", Add, required: true) ?? "";
            var indicators = new List<RoundFileIndicator>();
            if (project["indicators"] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var at = $"{path}.indicators[{i}]";
                    if (list[i] is not JsonObject indicator)
                    {
                        Add(at, $"项目“{name}”的第 {i + 1} 个指标应为对象。");
                        continue;
                    }

                    Unknown(indicator, at, IndicatorFields, Add);
                    var cause = Text(indicator, at, "deviationCause", Add);
                    if (cause is not null && !rules.DeviationCauses.Causes.Contains(cause, StringComparer.Ordinal))
                    {
                        Add(at + ".deviationCause", $"偏差原因“{cause}”不在{rules.District}的分类中（{string.Join("、", rules.DeviationCauses.Causes)}）。");
                    }

                    var likelihoodText = Text(indicator, at, "likelihood", Add);
                    var likelihood = Lights.ParseLikelihood(likelihoodText);
                    if (likelihoodText is not null && likelihood is null)
                    {
                        Add(at + ".likelihood", $"完成目标可能性“{likelihoodText}”无效（应为 确定能、有可能 或 完全不可能）。");
                    }

                    indicators.Add(new RoundFileIndicator(Text(indicator, at, "name", Add, required: true) ?? "", Text(indicator, at, "target", Add),
                        Text(indicator, at, "progress", Add), Text(indicator, at, "expectedAnnual", Add), cause, likelihood, Text(indicator, at, "correction", Add)));
                }
            }
            else if (project["indicators"] is not null)
            {
                Add(path + ".indicators", $"项目“{name}”的 indicators 应为数组。");
            }

            projects.Add(new RoundFileProject(name, Text(project, path, "unit", Add), Money(project, path, "budgetWanYuan", Add),
                Money(project, path, "executedWanYuan", Add), Money(project, path, "expectedAnnualWanYuan", Add), indicators));
        }

        return errors.Count > 0 ? (null, errors) : (new RoundFile(year, month, projects), errors);
    }

    private static Diagnostic Error(string file, int line, string message) =>
        new(Severity.Error, InvalidRoundCode, new SourceLocation(file, line), $"{file} 第 {line} 行：{message}");

    private static void Unknown(JsonObject obj, string path, string[] known, Action<string, string> add)
    {
        foreach (var (key, _) in obj)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                add(path.Length == 0 ? key : path + "." + key, $"没有“{key}”这一项（可用：{string.Join("、", known.Where(k => k != "$comment"))}）。");
            }
        }
    }

    private static string? Text(JsonObject obj, string path, string name, Action<string, string> add, bool required = false)
    {
        var at = path + "." + name;
        switch (obj[name])
        {
            case null when required:
                add(path, $"缺少 {name}。");
                return null;
            case null:
                return null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (required && string.IsNullOrWhiteSpace(s))
                {
                    add(at, $"{name} 不能为空。");
                }

                return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            default:
                add(at, $"{name} 应为文字。");
                return null;
        }
    }

    private static decimal? Money(JsonObject obj, string path, string name, Action<string, string> add)
    {
        var at = path + "." + name;
        if (obj[name] is null)
        {
            return null;
        }

        if (obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d))
        {
            if (d >= 0)
            {
                return d;
            }

            add(at, $"{name}（万元）不能为负数。");
            return null;
        }

        add(at, $"{name} 应为数字（万元）。");
        return null;
    }

    private static int? Integer(JsonObject obj, string path, string name, int min, int max, Action<string, string> add)
    {
        var at = path.Length == 0 ? name : path + "." + name;
        if (obj[name] is null)
        {
            return null;
        }

        if (obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= min && n <= max)
        {
            return n;
        }

        add(at, $"{name} 应为 {min} 到 {max} 的整数。");
        return null;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Rectification;

/// <summary>A number of calendar days and where it comes from.</summary>
public sealed record RectificationPeriod(int Days, string Source);

/// <summary>
/// A district's 整改 deadlines (Data/rectification-rules.json by default): within how many days of a finding the task is
/// fed back to the unit (<see cref="Feedback"/>), and within how many days of that the unit sends its measures
/// (<see cref="Measures"/>, the task's default deadline).
/// </summary>
public sealed record RectificationRules(string Version, string District, RectificationPeriod Feedback, RectificationPeriod Measures)
{
    /// <summary>REC001: a rule file that does not validate.</summary>
    public const string InvalidFileCode = "REC001";

    private static readonly Lazy<RectificationRules> DefaultRules = new(() =>
    {
        var load = Load(Jixiao.Domain.Data.EmbeddedData.Text("rectification-rules.json"), "rectification-rules.json");
        return load.Rules ?? throw new InvalidOperationException("The embedded rectification-rules.json does not validate: " + load.Error!.Message);
    });

    public static RectificationRules Default => DefaultRules.Value;

    /// <summary>The last day to feed a finding of <paramref name="foundOn"/> back to the unit (inclusive).</summary>
    public DateOnly FeedbackDue(DateOnly foundOn) => foundOn.AddDays(Feedback.Days);

    /// <summary>The default deadline of a task issued on <paramref name="issuedOn"/>: the last day for the unit's measures (inclusive).</summary>
    public DateOnly MeasuresDue(DateOnly issuedOn) => issuedOn.AddDays(Measures.Days);

    /// <summary>Reads and validates a rule file; never throws on its content (REC001 with the line and a Chinese reason).</summary>
    public static RectificationRulesLoad Load(string json, string fileName)
    {
        if (!JsonLines.TryParse(json, out var bytes, out var root, out var error))
        {
            return Fail(fileName, error.Line, error.Message);
        }

        try
        {
            var top = Object(root, "", ["version", "district", "feedbackDays", "measuresDays"]);
            return new(new RectificationRules(Text(top, "", "version"), Text(top, "", "district"), Period(top, "feedbackDays"), Period(top, "measuresDays")), null);
        }
        catch (RuleError e)
        {
            return Fail(fileName, JsonLines.Of(bytes).LineOf(e.Path), e.Reason);
        }
    }

    private static RectificationRulesLoad Fail(string fileName, int line, string reason) =>
        new(null, new Diagnostic(Severity.Error, InvalidFileCode, new SourceLocation(fileName, line), $"整改规则文件 {fileName} 第 {line} 行：{reason}"));

    private static RectificationPeriod Period(JsonObject top, string name)
    {
        var period = Object(top[name], name, ["days", "source"]);
        var at = name + ".days";
        var days = period["days"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var d) ? d
            : throw new RuleError(at, period["days"] is null ? $"缺少 {at}。" : $"{at} 应为整数天数。");
        if (days is < 1 or > 365)
        {
            throw new RuleError(at, $"{at} 应在 1 到 365 天之间（现为 {days}）。");
        }

        return new RectificationPeriod(days, Text(period, name, "source"));
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
                throw new RuleError(path.Length == 0 ? key : path + "." + key, $"{shown} 中的“{key}”不是已知的字段（可用：{string.Join("、", allowed)}）。");
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

    private sealed class RuleError(string path, string reason) : Exception(reason)
    {
        public string Path { get; } = path;
        public string Reason { get; } = reason;
    }
}

/// <summary>A loaded rule file, or why it was refused (REC001, with the file and line).</summary>
public sealed record RectificationRulesLoad(RectificationRules? Rules, Diagnostic? Error);

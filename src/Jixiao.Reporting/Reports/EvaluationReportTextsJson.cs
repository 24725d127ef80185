using System.Globalization;
using System.Text.Json;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;

namespace Jixiao.Reporting.Reports;

public sealed record EvaluationReportTextsReadResult(EvaluationReportTexts Texts, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads the evaluator's texts of a report (the sheet's companion <c>*.report.json</c>; format in docs/reports.md).
/// Never throws on input: a malformed file or field comes back as a diagnostic (RPT001–RPT004) and the rest is kept.
/// </summary>
public static class EvaluationReportTextsJson
{
    public const string InvalidJson = "RPT001";
    public const string InvalidValue = "RPT002";
    public const string UnknownField = "RPT003";
    public const string Unreadable = "RPT004";

    private static readonly HashSet<string> TextFields =
    [
        "title", "unit", "department", "implementingUnit", "preface", "background", "content", "overallGoal", "annualGoal",
        "goalCompletion", "purpose", "scope", "principles", "methods", "process", "other",
    ];

    public static EvaluationReportTextsReadResult Read(string json, string file = "report.json")
    {
        var diagnostics = new List<Diagnostic>();
        var location = new SourceLocation(file);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            diagnostics.Add(new(Severity.Error, InvalidJson, new SourceLocation(file, (int?)ex.LineNumber + 1), $"报告文字文件不是有效的 JSON：{ex.Message}"));
            return new(EvaluationReportTexts.Empty, diagnostics);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(new(Severity.Error, InvalidJson, location, "报告文字文件的顶层应为对象 { … }。"));
                return new(EvaluationReportTexts.Empty, diagnostics);
            }

            var texts = new EvaluationReportTexts();
            var strings = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name.StartsWith('$'))
                {
                    continue;
                }

                if (TextFields.Contains(p.Name))
                {
                    strings[p.Name] = StringOrLines(p.Value, p.Name, location, diagnostics);
                    continue;
                }

                switch (p.Name)
                {
                    case "funds":
                        texts = texts with { Funds = Funds(p.Value, location, diagnostics) };
                        break;
                    case "experience":
                        texts = texts with { Experience = Items(p.Value, p.Name, location, diagnostics) };
                        break;
                    case "problems":
                        texts = texts with { Problems = Items(p.Value, p.Name, location, diagnostics) };
                        break;
                    case "suggestions":
                        texts = texts with { Suggestions = Items(p.Value, p.Name, location, diagnostics) };
                        break;
                    case "date":
                        if (p.Value.ValueKind == JsonValueKind.String
                            && DateOnly.TryParseExact(p.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        {
                            texts = texts with { Date = date };
                        }
                        else
                        {
                            diagnostics.Add(new(Severity.Warning, InvalidValue, location, $"字段“date”应为“yyyy-MM-dd”格式的日期，实际为 {p.Value}，已忽略。"));
                        }

                        break;
                    default:
                        diagnostics.Add(new(Severity.Warning, UnknownField, location, $"不认识的字段“{p.Name}”，已忽略（见 docs/reports.md）。"));
                        break;
                }
            }

            string? S(string name) => strings.GetValueOrDefault(name);
            texts = texts with
            {
                Title = S("title"),
                Unit = S("unit"),
                Department = S("department"),
                ImplementingUnit = S("implementingUnit"),
                Preface = S("preface"),
                Background = S("background"),
                Content = S("content"),
                OverallGoal = S("overallGoal"),
                AnnualGoal = S("annualGoal"),
                GoalCompletion = S("goalCompletion"),
                Purpose = S("purpose"),
                Scope = S("scope"),
                Principles = S("principles"),
                Methods = S("methods"),
                Process = S("process"),
                Other = S("other"),
            };
            return new(texts, diagnostics);
        }
    }

    /// <summary>A string, or an array of strings read as paragraphs (joined by new lines).</summary>
    private static string? StringOrLines(JsonElement value, string name, SourceLocation location, List<Diagnostic> diagnostics)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                return string.Join("\n", value.EnumerateArray().Select(e => e.GetString()));
            case JsonValueKind.Null:
                return null;
            default:
                diagnostics.Add(new(Severity.Warning, InvalidValue, location, $"字段“{name}”应为文字或文字数组，已忽略。"));
                return null;
        }
    }

    private static List<TextItem> Items(JsonElement value, string name, SourceLocation location, List<Diagnostic> diagnostics)
    {
        var items = new List<TextItem>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(new(Severity.Warning, InvalidValue, location, $"字段“{name}”应为数组（每项为文字或 {{\"title\", \"body\"}}），已忽略。"));
            return items;
        }

        var n = 0;
        foreach (var e in value.EnumerateArray())
        {
            n++;
            if (e.ValueKind == JsonValueKind.String)
            {
                items.Add(new TextItem(null, e.GetString() ?? ""));
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                var title = e.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var body = e.TryGetProperty("body", out var b) ? StringOrLines(b, $"{name}[{n}].body", location, diagnostics) : null;
                items.Add(new TextItem(title, body ?? ""));
            }
            else
            {
                diagnostics.Add(new(Severity.Warning, InvalidValue, location, $"“{name}”第 {n} 项应为文字或对象，已忽略。"));
            }
        }

        return items;
    }

    private static ReportFunds? Funds(JsonElement value, SourceLocation location, List<Diagnostic> diagnostics)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(new(Severity.Warning, InvalidValue, location, "字段“funds”应为对象，已忽略。"));
            return null;
        }

        decimal? Number(JsonElement parent, string field, string path)
        {
            if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
            {
                return d;
            }

            if (v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString()?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            diagnostics.Add(new(Severity.Error, InvalidValue, location, $"“{path}”应为金额数字，实际为 {v}。"));
            return null;
        }

        var unit = MoneyUnit.WanYuan;
        if (value.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String)
        {
            switch (u.GetString()?.Trim())
            {
                case "万元":
                    unit = MoneyUnit.WanYuan;
                    break;
                case "元":
                    unit = MoneyUnit.Yuan;
                    break;
                default:
                    diagnostics.Add(new(Severity.Error, InvalidValue, location, $"“funds.unit”应为“万元”或“元”，实际为“{u.GetString()}”。"));
                    break;
            }
        }

        var budget = Number(value, "budget", "funds.budget");
        var spent = Number(value, "spent", "funds.spent");
        if (budget is null || spent is null)
        {
            diagnostics.Add(new(Severity.Error, InvalidValue, location, "“funds”必须有预算数“budget”和执行数“spent”。"));
            return null;
        }

        var sources = new List<ReportFundSource>();
        if (value.TryGetProperty("sources", out var s) && s.ValueKind == JsonValueKind.Array)
        {
            var n = 0;
            foreach (var e in s.EnumerateArray())
            {
                n++;
                var name = e.TryGetProperty("name", out var nm) ? nm.GetString() ?? "" : "";
                sources.Add(new ReportFundSource(name, Number(e, "initialBudget", $"funds.sources[{n}].initialBudget"),
                    Number(e, "budget", $"funds.sources[{n}].budget"), Number(e, "spent", $"funds.sources[{n}].spent")));
            }
        }

        return new ReportFunds(budget.Value, spent.Value, unit, Number(value, "initialBudget", "funds.initialBudget"),
            Number(value, "received", "funds.received"), sources);
    }
}

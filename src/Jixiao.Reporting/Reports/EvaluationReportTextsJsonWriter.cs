using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Jixiao.Domain.Projects;

namespace Jixiao.Reporting.Reports;

/// <summary>
/// Writes <see cref="EvaluationReportTexts"/> in the <c>*.report.json</c> format that
/// <see cref="EvaluationReportTextsJson.Read"/> reads (docs/reports.md): empty fields are left out, items keep their
/// titles, Chinese is written as is. Read(Write(t)) gives t back.
/// </summary>
public static class EvaluationReportTextsJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(EvaluationReportTexts texts) => ToNode(texts).ToJsonString(Options);

    /// <summary>The texts as a JSON object, one property per non-empty field (the names of docs/reports.md).</summary>
    public static JsonObject ToNode(EvaluationReportTexts t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var o = new JsonObject();
        void S(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                o[name] = value;
            }
        }

        void Items(string name, IReadOnlyList<TextItem> items)
        {
            if (items.Count > 0)
            {
                var array = new JsonArray();
                foreach (var item in items)
                {
                    array.Add(item.Title is null ? JsonValue.Create(item.Body) : new JsonObject { ["title"] = item.Title, ["body"] = item.Body });
                }

                o[name] = array;
            }
        }

        S("title", t.Title);
        S("unit", t.Unit);
        S("department", t.Department);
        S("implementingUnit", t.ImplementingUnit);
        S("preface", t.Preface);
        S("background", t.Background);
        S("content", t.Content);
        if (t.Funds is { } f)
        {
            var funds = new JsonObject { ["unit"] = f.Unit == MoneyUnit.Yuan ? "元" : "万元" };
            if (f.InitialBudget is { } initial)
            {
                funds["initialBudget"] = initial;
            }

            funds["budget"] = f.Budget;
            if (f.Received is { } received)
            {
                funds["received"] = received;
            }

            funds["spent"] = f.Spent;
            if (f.Sources is { Count: > 0 } sources)
            {
                var array = new JsonArray();
                foreach (var s in sources)
                {
                    array.Add(new JsonObject { ["name"] = s.Name, ["initialBudget"] = s.InitialBudget, ["budget"] = s.Budget, ["spent"] = s.Spent });
                }

                funds["sources"] = array;
            }

            o["funds"] = funds;
        }

        S("overallGoal", t.OverallGoal);
        S("annualGoal", t.AnnualGoal);
        S("goalCompletion", t.GoalCompletion);
        S("purpose", t.Purpose);
        S("scope", t.Scope);
        S("principles", t.Principles);
        S("methods", t.Methods);
        S("process", t.Process);
        Items("experience", t.Experience);
        Items("problems", t.Problems);
        Items("suggestions", t.Suggestions);
        S("other", t.Other);
        if (t.Date is { } date)
        {
            o["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return o;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>What reading a sheet gave: the sheet (null only when nothing usable was found) and every problem met.</summary>
public sealed record EvaluationSheetReadResult(EvaluationSheet? Sheet, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads and writes evaluation sheets as JSON (format in docs/evaluations.md). Reading never throws on input and
/// never drops it: a bad or unknown field is reported as a diagnostic (EVJ001–EVJ004) with its JSON path.
/// </summary>
public static class EvaluationSheetJson
{
    public const string InvalidJson = "EVJ001";
    public const string MissingField = "EVJ002";
    public const string InvalidValue = "EVJ003";
    public const string UnknownField = "EVJ004";

    private static readonly HashSet<string> SheetFields =
        ["project", "year", "kind", "template", "gradeBands", "gradeScale", "groups", "lowerIsBetter", "totalWeight", "indicators", "$comment", "$schema"];

    private static readonly HashSet<string> IndicatorFields =
        ["level1", "level2", "name", "weight", "method", "target", "actual", "tiers", "rating", "percent", "deductions", "score", "statedActual",
         "reason", "direction", "$comment"];

    private static readonly HashSet<string> FormulaFields = ["formula", "inputs"];

    /// <summary>
    /// Reads a sheet. <paramref name="locate"/> maps a JSON path ("indicators[3].weight") to a source location, so that
    /// a reader of another format (Excel) that builds JSON can report its own cells; by default the path is the cell.
    /// </summary>
    public static EvaluationSheetReadResult Read(string json, string file = "sheet.json", Func<string, SourceLocation>? locate = null)
    {
        var reader = new SheetReader(file, locate);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return new(reader.ReadSheet(doc.RootElement), reader.Diagnostics);
        }
        catch (JsonException ex)
        {
            reader.Diagnostics.Add(new(Severity.Error, InvalidJson, new SourceLocation(file, (int?)(ex.LineNumber + 1)),
                $"JSON 格式错误（第 {ex.LineNumber + 1} 行第 {ex.BytePositionInLine + 1} 个字节附近）：请检查括号、引号和逗号。"));
            return new(null, reader.Diagnostics);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses a text that is not valid Unicode ("\ud800" alone) only when it is read as a string
            reader.Diagnostics.Add(new(Severity.Error, InvalidJson, new SourceLocation(file),
                "JSON 中有无效的字符（如单独的 \\ud800 代理项）：请删除或改正该字符。"));
            return new(null, reader.Diagnostics);
        }
    }

    public static EvaluationSheetReadResult Read(Stream json, string file = "sheet.json")
    {
        using var text = new StreamReader(json, Encoding.UTF8);
        return Read(text.ReadToEnd(), file);
    }

    private sealed class SheetReader(string file, Func<string, SourceLocation>? locate)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        private void Report(Severity severity, string code, string path, string message) =>
            Diagnostics.Add(new(severity, code, locate?.Invoke(path) ?? new SourceLocation(file, null, path), message));

        public EvaluationSheet? ReadSheet(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Report(Severity.Error, InvalidJson, "$", "评价表应是一个 JSON 对象（{ … }）。");
                return null;
            }

            Unknown(root, SheetFields, "");
            var project = String(root, "project", "project") ?? "";
            if (project.Length == 0)
            {
                Report(Severity.Warning, MissingField, "project", "评价表缺少项目名称（project）。");
            }

            int? year = null;
            if (Decimal(root, "year", "year") is { } y)
            {
                if (y == decimal.Truncate(y) && y is >= 1900 and <= 2200)
                {
                    year = (int)y;
                }
                else
                {
                    Report(Severity.Error, InvalidValue, "year", $"评价年度“{y}”不是有效的年份。");
                }
            }

            var kind = EvaluationKind.DepartmentEvaluation;
            var kindText = String(root, "kind", "kind");
            if (kindText is null)
            {
                Report(Severity.Error, MissingField, "kind", "评价表缺少评价类型（kind：单位自评 / 部门评价 / 财政评价 / 第三方评价），按部门评价处理。");
            }
            else if (!EvaluationNames.TryParseKind(kindText, out kind))
            {
                Report(Severity.Error, InvalidValue, "kind", $"不认识的评价类型“{kindText}”（可用：单位自评、部门评价、财政评价、第三方评价），按部门评价处理。");
                kind = EvaluationKind.DepartmentEvaluation;
            }

            var scale = ReadScale(root);
            var groups = ReadGroups(root);
            var rule = LowerIsBetterRule.Deviation;
            if (String(root, "lowerIsBetter", "lowerIsBetter") is { } ruleText && !EvaluationNames.TryParseLowerIsBetterRule(ruleText, out rule))
            {
                Report(Severity.Error, InvalidValue, "lowerIsBetter", $"不认识的反向指标计分公式“{ruleText}”（可用 deviation、ratio），按 deviation 计。");
            }

            var totalWeight = Decimal(root, "totalWeight", "totalWeight") ?? 100m;
            var indicators = new List<EvaluationIndicator>();
            if (!root.TryGetProperty("indicators", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                Report(Severity.Error, MissingField, "indicators", "评价表缺少指标列表（indicators）。");
            }
            else
            {
                var i = 0;
                foreach (var element in list.EnumerateArray())
                {
                    if (ReadIndicator(element, $"indicators[{i}]") is { } indicator)
                    {
                        indicators.Add(indicator);
                    }

                    i++;
                }
            }

            return new EvaluationSheet(project, year, kind, indicators, String(root, "template", "template"), scale, groups, rule, totalWeight);
        }

        private GradeScale? ReadScale(JsonElement root)
        {
            if (String(root, "gradeScale", "gradeScale") is { } name)
            {
                if (GradeScale.Find(name) is { } found)
                {
                    return found;
                }

                Report(Severity.Error, InvalidValue, "gradeScale", $"没有名为“{name}”的等级划分（可用：{string.Join("、", GradeScale.Names)}），按默认四级计。");
            }

            if (!root.TryGetProperty("gradeBands", out var bands) || bands.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (bands.ValueKind != JsonValueKind.Array)
            {
                Report(Severity.Error, InvalidValue, "gradeBands", "gradeBands 应是 [{\"grade\": \"优\", \"min\": 90}, …] 形式的列表。");
                return null;
            }

            var list = new List<GradeBand>();
            var i = 0;
            foreach (var band in bands.EnumerateArray())
            {
                var path = $"gradeBands[{i++}]";
                var grade = String(band, "grade", path + ".grade");
                var min = Decimal(band, "min", path + ".min");
                if (grade is null || min is null)
                {
                    Report(Severity.Error, MissingField, path, "等级需要 grade（等级名称）和 min（最低分）。");
                    continue;
                }

                list.Add(new GradeBand(grade, min.Value));
            }

            var scale = GradeScale.TryCreate("自定义", list, out var error);
            if (scale is null)
            {
                Report(Severity.Error, InvalidValue, "gradeBands", $"等级划分无效：{error} 按默认四级计。");
            }

            return scale;
        }

        private List<WeightGroup>? ReadGroups(JsonElement root)
        {
            if (!root.TryGetProperty("groups", out var groups) || groups.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = new List<WeightGroup>();
            var i = 0;
            foreach (var group in groups.EnumerateArray())
            {
                var path = $"groups[{i++}]";
                var level1 = String(group, "level1", path + ".level1");
                var weight = Decimal(group, "weight", path + ".weight");
                if (level1 is null || weight is null)
                {
                    Report(Severity.Error, MissingField, path, "权重分组需要 level1（一级指标）和 weight（分值）。");
                    continue;
                }

                list.Add(new WeightGroup(level1, String(group, "level2", path + ".level2"), weight.Value));
            }

            return list;
        }

        private EvaluationIndicator? ReadIndicator(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Report(Severity.Error, InvalidValue, path, "每个指标应是一个 JSON 对象。");
                return null;
            }

            Unknown(e, IndicatorFields, path + ".");
            var level1 = String(e, "level1", path + ".level1") ?? "";
            var level2 = String(e, "level2", path + ".level2") ?? "";
            var name = String(e, "name", path + ".name") ?? "";
            var label = name.Length > 0 ? name : $"{level1}/{level2}";
            var weight = Decimal(e, "weight", path + ".weight");
            var targetText = Text(e, "target", path + ".target");
            var target = string.IsNullOrWhiteSpace(targetText) ? null : TargetParser.Parse(targetText);
            var actual = ReadActual(e, path + ".actual", label);
            var tiers = ReadTiers(e, path + ".tiers");
            var deductions = ReadDeductions(e, path + ".deductions");
            QualitativeRating? rating = null;
            if (Text(e, "rating", path + ".rating") is { } ratingText && !string.IsNullOrWhiteSpace(ratingText))
            {
                if (EvaluationNames.TryParseRating(ratingText, out var r))
                {
                    rating = r;
                }
                else
                {
                    Report(Severity.Error, InvalidValue, path + ".rating", $"“{label}”的评价结论“{ratingText}”无法识别（可用：达成、部分达成、未达成）。");
                }
            }

            var percent = Decimal(e, "percent", path + ".percent");
            var score = Decimal(e, "score", path + ".score");
            var stated = Text(e, "statedActual", path + ".statedActual") is { } st && !string.IsNullOrWhiteSpace(st) ? MeasuredValue.Parse(st) : null;
            Direction? direction = null;
            if (String(e, "direction", path + ".direction") is { } directionText && !string.IsNullOrWhiteSpace(directionText))
            {
                if (EvaluationNames.TryParseDirection(directionText, out var d))
                {
                    direction = d;
                }
                else
                {
                    Report(Severity.Error, InvalidValue, path + ".direction", $"“{label}”的方向“{directionText}”无法识别（可用：正向、反向）。");
                }
            }

            ScoringMethod method;
            var methodText = String(e, "method", path + ".method");
            if (methodText is null || methodText.Length == 0)
            {
                method = InferMethod(target, tiers, deductions, rating, percent, score);
            }
            else if (!EvaluationNames.TryParseMethod(methodText, out method))
            {
                method = InferMethod(target, tiers, deductions, rating, percent, score);
                Report(Severity.Error, InvalidValue, path + ".method",
                    $"“{label}”的评分方法“{methodText}”无法识别（可用：proportional 比例、tiers 档次、qualitative 定性、deduction 扣分、binary 是否、manual 人工），按{method.Chinese()}处理。");
            }

            return new EvaluationIndicator(level1, level2, name, weight, method, target, actual, tiers, rating, percent, deductions, score, stated,
                String(e, "reason", path + ".reason"), direction);
        }

        /// <summary>A method left blank follows from what the line gives (documented in docs/evaluations.md).</summary>
        private static ScoringMethod InferMethod(Target? target, List<Tier>? tiers, List<Deduction>? deductions, QualitativeRating? rating,
            decimal? percent, decimal? score) =>
            tiers is { Count: > 0 } ? ScoringMethod.Tiers
            : deductions is { Count: > 0 } ? ScoringMethod.Deduction
            : rating is not null || percent is not null ? ScoringMethod.Qualitative
            : target is Target.Quantitative or Target.Range or Target.Ratio ? ScoringMethod.Proportional
            : score is not null ? ScoringMethod.Manual
            : ScoringMethod.Qualitative;

        private ActualValue? ReadActual(JsonElement e, string path, string label)
        {
            if (!e.TryGetProperty("actual", out var actual) || actual.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (actual.ValueKind == JsonValueKind.Object)
            {
                var formulaText = String(actual, "formula", path + ".formula");
                if (formulaText is null)
                {
                    Report(Severity.Error, MissingField, path + ".formula", $"“{label}”的实际完成值是对象，但缺少计算公式（formula）。");
                    return null;
                }

                Unknown(actual, FormulaFields, path + ".");
                var inputs = new List<FormulaInput>();
                if (actual.TryGetProperty("inputs", out var inputObject) && inputObject.ValueKind == JsonValueKind.Object)
                {
                    foreach (var input in inputObject.EnumerateObject())
                    {
                        var inputPath = $"{path}.inputs.{input.Name}";
                        if (input.Value.ValueKind == JsonValueKind.Array)
                        {
                            var values = input.Value.EnumerateArray().Select(v => MeasuredValue.Parse(Scalar(v) ?? "")).ToList();
                            inputs.Add(new FormulaInput(input.Name, values, true));
                        }
                        else if (Scalar(input.Value) is { } text)
                        {
                            inputs.Add(new FormulaInput(input.Name, [MeasuredValue.Parse(text)], false));
                        }
                        else
                        {
                            Report(Severity.Error, InvalidValue, inputPath, $"“{label}”的公式输入“{input.Name}”应是数字、带单位的文字或一组数。");
                        }
                    }
                }

                var formula = Formula.Parse(formulaText);
                if (formula.Error is { } error)
                {
                    Report(Severity.Error, InvalidValue, path + ".formula", $"“{label}”的计算公式“{Formula.Shown(formulaText)}”有误：{error}");
                }

                return new ActualValue.Computed(formula, inputs);
            }

            if (Scalar(actual) is { } valueText)
            {
                return new ActualValue.Measured(MeasuredValue.Parse(valueText));
            }

            Report(Severity.Error, InvalidValue, path, $"“{label}”的实际完成值应是文字、数字或 {{\"formula\", \"inputs\"}}。");
            return null;
        }

        private List<Tier>? ReadTiers(JsonElement e, string path)
        {
            if (!e.TryGetProperty("tiers", out var tiers) || tiers.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = new List<Tier>();
            var i = 0;
            foreach (var tier in tiers.EnumerateArray())
            {
                var p = $"{path}[{i++}]";
                var min = Text(tier, "min", p + ".min") is { } minText ? MeasuredValue.Parse(minText).Value : null;
                var score = Decimal(tier, "score", p + ".score");
                if (min is null || score is null)
                {
                    Report(Severity.Error, MissingField, p, "档次需要 min（该档最低值）和 score（得分）。");
                    continue;
                }

                list.Add(new Tier(min.Value, score.Value));
            }

            return list;
        }

        private List<Deduction>? ReadDeductions(JsonElement e, string path)
        {
            if (!e.TryGetProperty("deductions", out var deductions) || deductions.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = new List<Deduction>();
            var i = 0;
            foreach (var deduction in deductions.EnumerateArray())
            {
                var p = $"{path}[{i++}]";
                if (deduction.ValueKind == JsonValueKind.Number)
                {
                    list.Add(new Deduction(deduction.GetDecimal(), null));
                    continue;
                }

                var points = Decimal(deduction, "points", p + ".points");
                if (points is null)
                {
                    Report(Severity.Error, MissingField, p, "扣分项需要 points（扣几分）和 reason（理由）。");
                    continue;
                }

                list.Add(new Deduction(points.Value, String(deduction, "reason", p + ".reason")));
            }

            return list;
        }

        // ---- primitives ------------------------------------------------------------------------------------------

        private void Unknown(JsonElement e, IReadOnlySet<string> known, string prefix)
        {
            foreach (var property in e.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    Report(Severity.Warning, UnknownField, prefix + property.Name, $"不认识的字段“{property.Name}”，已忽略（字段名区分大小写，见 docs/evaluations.md）。");
                }
            }
        }

        private string? String(JsonElement e, string name, string path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString()!.Trim();
            }

            if (value.ValueKind == JsonValueKind.Number)
            {
                return value.GetRawText();
            }

            Report(Severity.Error, InvalidValue, path, $"字段“{name}”应是文字。");
            return null;
        }

        /// <summary>A text field that may also be written as a number ("target": 100).</summary>
        private string? Text(JsonElement e, string name, string path) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) ? Scalar(value) ?? String(e, name, path) : null;

        private static string? Scalar(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

        private decimal? Decimal(JsonElement e, string name, string path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                var text = value.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                if (MeasuredValue.Parse(text) is { Value: { } parsed, Exact: true })
                {
                    return parsed;
                }
            }

            Report(Severity.Error, InvalidValue, path, $"字段“{name}”应是数字，实际为“{value.GetRawText()}”。");
            return null;
        }
    }

    // ---- writing -----------------------------------------------------------------------------------------------------

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a sheet in the format <see cref="Read(string, string, Func{string, SourceLocation}?)"/> reads; texts are kept as written.</summary>
    public static string Write(EvaluationSheet sheet)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("project", sheet.Project);
            if (sheet.Year is { } year)
            {
                w.WriteNumber("year", year);
            }

            w.WriteString("kind", sheet.Kind.Chinese());
            if (sheet.Template is not null)
            {
                w.WriteString("template", sheet.Template);
            }

            if (sheet.GradeScale is { } scale)
            {
                w.WriteStartArray("gradeBands");
                foreach (var band in scale.Bands)
                {
                    w.WriteStartObject();
                    w.WriteString("grade", band.Grade);
                    w.WriteNumber("min", band.Min);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (sheet.LowerIsBetter != LowerIsBetterRule.Deviation)
            {
                w.WriteString("lowerIsBetter", "ratio");
            }

            if (sheet.TotalWeight != 100m)
            {
                w.WriteNumber("totalWeight", sheet.TotalWeight);
            }

            if (sheet.Groups is { Count: > 0 } groups)
            {
                w.WriteStartArray("groups");
                foreach (var group in groups)
                {
                    w.WriteStartObject();
                    w.WriteString("level1", group.Level1);
                    if (group.Level2 is not null)
                    {
                        w.WriteString("level2", group.Level2);
                    }

                    w.WriteNumber("weight", group.Weight);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("indicators");
            foreach (var indicator in sheet.Indicators)
            {
                WriteIndicator(w, indicator);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteIndicator(Utf8JsonWriter w, EvaluationIndicator i)
    {
        w.WriteStartObject();
        w.WriteString("level1", i.Level1);
        w.WriteString("level2", i.Level2);
        w.WriteString("name", i.Name);
        if (i.Weight is { } weight)
        {
            w.WriteNumber("weight", weight);
        }
        else
        {
            w.WriteNull("weight");
        }

        w.WriteString("method", i.Method.Name());
        if (i.Target is not null)
        {
            w.WriteString("target", i.Target.Text);
        }

        switch (i.Actual)
        {
            case ActualValue.Measured m:
                WriteValue(w, "actual", m.Value);
                break;
            case ActualValue.Computed c:
                w.WriteStartObject("actual");
                w.WriteString("formula", c.Formula.Text);
                w.WriteStartObject("inputs");
                foreach (var input in c.Inputs)
                {
                    if (input.IsSeries)
                    {
                        w.WriteStartArray(input.Name);
                        foreach (var value in input.Values)
                        {
                            WriteValue(w, null, value);
                        }

                        w.WriteEndArray();
                    }
                    else if (input.Values.Count > 0)
                    {
                        WriteValue(w, input.Name, input.Values[0]);
                    }
                }

                w.WriteEndObject();
                w.WriteEndObject();
                break;
        }

        if (i.Tiers is { Count: > 0 } tiers)
        {
            w.WriteStartArray("tiers");
            foreach (var tier in tiers)
            {
                w.WriteStartObject();
                w.WriteNumber("min", tier.Min);
                w.WriteNumber("score", tier.Score);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (i.Rating is { } rating)
        {
            w.WriteString("rating", rating.Chinese());
        }

        if (i.Percent is { } percent)
        {
            w.WriteNumber("percent", percent);
        }

        if (i.Deductions is { Count: > 0 } deductions)
        {
            w.WriteStartArray("deductions");
            foreach (var deduction in deductions)
            {
                w.WriteStartObject();
                w.WriteNumber("points", deduction.Points);
                if (deduction.Reason is not null)
                {
                    w.WriteString("reason", deduction.Reason);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (i.Score is { } score)
        {
            w.WriteNumber("score", score);
        }

        if (i.StatedActual is { } stated)
        {
            WriteValue(w, "statedActual", stated);
        }

        if (i.Reason is not null)
        {
            w.WriteString("reason", i.Reason);
        }

        if (i.DirectionOverride is { } direction)
        {
            w.WriteString("direction", direction == Direction.Down ? "反向" : "正向");
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string? name, MeasuredValue value)
    {
        var isPlainNumber = decimal.TryParse(value.Text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
        if (name is not null)
        {
            w.WritePropertyName(name);
        }

        if (isPlainNumber)
        {
            w.WriteNumberValue(number);
        }
        else
        {
            w.WriteStringValue(value.Text);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Monitoring;

/// <summary>
/// Ratio bands, lowest first: a ratio below <see cref="LightBand.Below"/> (exclusive) gets that band's light; the last
/// band has no bound and takes the rest. With bands red &lt; 0.6, yellow &lt; 0.8, green: 0.6 is yellow, 0.8 is green.
/// </summary>
public sealed record LightBands(IReadOnlyList<LightBand> Bands)
{
    public Light Of(decimal ratio)
    {
        foreach (var band in Bands)
        {
            if (band.Below is not { } below || ratio < below)
            {
                return band.Light;
            }
        }

        throw new InvalidOperationException("Validated bands always end with an unbounded band.");
    }

    /// <summary>"&lt; 0.6", "≥ 0.6 且 &lt; 0.8" or "≥ 1.2" (with <paramref name="percent"/>: "≥ 120%") for an explanation: the band the ratio fell in.</summary>
    public string Reason(decimal ratio, bool percent = false)
    {
        string Bound(decimal b) => percent ? Number(b * 100) + "%" : Number(b);
        for (var i = 0; i < Bands.Count; i++)
        {
            if (Bands[i].Below is not { } below || ratio < below)
            {
                var lower = i == 0 ? null : "≥ " + Bound(Bands[i - 1].Below!.Value);
                var upper = Bands[i].Below is { } b ? "< " + Bound(b) : null;
                return string.Join(" 且 ", new[] { lower, upper }.OfType<string>());
            }
        }

        return "";
    }

    internal static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

public sealed record LightBand(Light Light, decimal? Below);

/// <summary>预算执行灯: (执行数 ÷ 预算数) ÷ (N ÷ 12) in <see cref="Bands"/>.</summary>
public sealed record BudgetLightRule(LightBands Bands, string Source);

/// <summary>
/// 绩效指标灯: 进度 ÷ (指标值 × N ÷ 12) in <see cref="Bands"/>; an indicator in one of <see cref="LevelUnits"/> (a rate: %)
/// is a level, not a quantity that accumulates, and is compared with its target directly. A higher-is-better
/// indicator with progress 0 gets <see cref="Zero"/>.
/// </summary>
public sealed record IndicatorLightRule(LightBands Bands, Light Zero, IReadOnlyList<string> LevelUnits, string Source);

/// <summary>A qualitative indicator's light is the unit's stated 完成目标可能性.</summary>
public sealed record QualitativeLightRule(IReadOnlyDictionary<Likelihood, Light> Lights, string Source);

/// <summary>Sichuan's floors: 执行数 ÷ 预算数 below <see cref="FloorPoint.Min"/> of the latest point at or before month N.</summary>
public sealed record FloorRule(IReadOnlyList<FloorPoint> Points, Light Light, string Source);

public sealed record FloorPoint(int Month, decimal Min);

/// <summary>Target progress and budget progress more than <see cref="MaxPoints"/> percentage points apart.</summary>
public sealed record GapRule(decimal MaxPoints, Light Light, string Source);

/// <summary>重点监控: budget ≥ <see cref="MinBudgetWanYuan"/> and, from month <see cref="ByMonth"/>, 执行数 ÷ 预算数 ≤ <see cref="MaxExecution"/>.</summary>
public sealed record KeyMonitoringRule(decimal MinBudgetWanYuan, int ByMonth, decimal MaxExecution, string Source);

/// <summary>The 偏差原因 a unit chooses from.</summary>
public sealed record DeviationCauseList(IReadOnlyList<string> Causes, string Source);

/// <summary>纠偏: a red project's unit answers within <see cref="WorkingDays"/> working days of <see cref="Calendar"/>.</summary>
public sealed record CorrectionRule(int WorkingDays, WorkingCalendar Calendar, string Source);

/// <summary>
/// The light rules of one district, loaded from <c>Data/monitoring-rules.json</c> (the central default) or a district's
/// file of the same shape. Options are null when the file switches them off.
/// </summary>
public sealed record MonitoringRules(
    string Version,
    string District,
    BudgetLightRule Budget,
    IndicatorLightRule Indicator,
    QualitativeLightRule Qualitative,
    FloorRule? Floors,
    GapRule? Gap,
    KeyMonitoringRule? KeyMonitoring,
    DeviationCauseList DeviationCauses)
{
    /// <summary>The diagnostic code of a rule file that does not validate.</summary>
    public const string InvalidFileCode = "MON001";

    /// <summary>纠偏's answer time; a district's file without a correction section keeps the central default's.</summary>
    public required CorrectionRule Correction { get; init; }

    private static readonly Lazy<MonitoringRules> DefaultRules = new(() =>
    {
        var load = Load(Jixiao.Domain.Data.EmbeddedData.Text("monitoring-rules.json"), "monitoring-rules.json");
        return load.Rules ?? throw new InvalidOperationException("The embedded monitoring-rules.json does not validate: " + load.Error!.Message);
    });

    /// <summary>The central default (财预〔2019〕136号 and the practice noted in the file).</summary>
    public static MonitoringRules Default => DefaultRules.Value;

    /// <summary>
    /// Reads and validates a rule file. Never throws on its content: a file that does not validate comes back as
    /// <see cref="MonitoringRulesLoad.Error"/> (MON001) with the line and a Chinese reason.
    /// </summary>
    public static MonitoringRulesLoad Load(string json, string fileName)
    {
        if (!JsonLines.TryParse(json, out var bytes, out var root, out var error))
        {
            return Fail(fileName, error.Line, error.Message);
        }

        var lines = JsonLines.Of(bytes);
        try
        {
            return new(RuleReader.Read(root), null);
        }
        catch (RuleError e)
        {
            return Fail(fileName, lines.LineOf(e.Path), e.Reason);
        }
    }

    private static MonitoringRulesLoad Fail(string fileName, int line, string reason) =>
        new(null, new Diagnostic(Severity.Error, InvalidFileCode, new SourceLocation(fileName, line),
            $"监控规则文件 {fileName} 第 {line} 行：{reason}"));

    private sealed class RuleError(string path, string reason) : Exception(reason)
    {
        public string Path { get; } = path;
        public string Reason { get; } = reason;
    }

    /// <summary>Walks the file; every problem is a <see cref="RuleError"/> naming the path it is at.</summary>
    private static class RuleReader
    {
        private static readonly string[] TopLevel = ["version", "district", "budget", "indicator", "qualitative", "floors", "gap", "keyMonitoring", "deviationCauses", "correction"];

        public static MonitoringRules Read(JsonNode? root)
        {
            var top = Object(root, "", TopLevel);
            var budget = Object(top["budget"], "budget", ["source", "bands"]);
            var indicator = Object(top["indicator"], "indicator", ["source", "bands", "zero", "levelUnits"]);
            var qualitative = Object(top["qualitative"], "qualitative", ["source", "likelihood"]);
            var causes = Object(top["deviationCauses"], "deviationCauses", ["source", "causes"]);
            return new MonitoringRules(
                Text(top, "", "version"),
                Text(top, "", "district"),
                new BudgetLightRule(Bands(budget, "budget"), Text(budget, "budget", "source")),
                new IndicatorLightRule(Bands(indicator, "indicator"),
                    indicator["zero"] is null ? Light.Red : LightOf(indicator, "indicator", "zero"),
                    indicator["levelUnits"] is null ? [] : Texts(indicator, "indicator", "levelUnits", allowEmpty: true),
                    Text(indicator, "indicator", "source")),
                new QualitativeLightRule(LikelihoodLights(qualitative), Text(qualitative, "qualitative", "source")),
                Floors(top["floors"]),
                Gap(top["gap"]),
                KeyMonitoring(top["keyMonitoring"]),
                new DeviationCauseList(Texts(causes, "deviationCauses", "causes", allowEmpty: false), Text(causes, "deviationCauses", "source")))
            {
                Correction = top["correction"] is { } correction ? Correction(correction) : Default.Correction,
            };
        }

        private static CorrectionRule Correction(JsonNode node)
        {
            var correction = Object(node, "correction", ["source", "workingDays", "holidays", "workdays"]);
            var days = Number(correction, "correction", "workingDays");
            if (days is < 1 or > 60 || days != decimal.Truncate(days))
            {
                throw new RuleError("correction.workingDays", $"correction.workingDays 应为 1 到 60 的整数工作日，现为 {LightBands.Number(days)}。");
            }

            var holidays = Days(correction, "holidays");
            var workdays = Days(correction, "workdays");
            if (holidays.Overlaps(workdays))
            {
                throw new RuleError("correction.workdays", $"correction 中 {Day(holidays.Where(workdays.Contains).Min())} 既是放假日又是调休上班日。");
            }

            return new CorrectionRule((int)days, new WorkingCalendar(holidays, workdays), Text(correction, "correction", "source"));
        }

        /// <summary>A list of days, each "2026-10-01" or an inclusive range "2026-10-01..2026-10-07"; absent: none.</summary>
        private static HashSet<DateOnly> Days(JsonObject section, string name)
        {
            var at = "correction." + name;
            var days = new HashSet<DateOnly>();
            if (section[name] is null)
            {
                return days;
            }

            if (section[name] is not JsonArray array)
            {
                throw new RuleError(at, $"{at} 应为日期数组（如 \"2026-10-01..2026-10-07\"）。");
            }

            for (var i = 0; i < array.Count; i++)
            {
                var text = array[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
                var parts = text.Split("..");
                if (parts.Length is < 1 or > 2 || !parts.All(p => DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                {
                    throw new RuleError($"{at}[{i}]", $"{at} 第 {i + 1} 项“{text}”应为日期 yyyy-MM-dd 或日期范围 yyyy-MM-dd..yyyy-MM-dd。");
                }

                var from = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var to = DateOnly.ParseExact(parts[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (to < from || to.DayNumber - from.DayNumber > 31)
                {
                    throw new RuleError($"{at}[{i}]", $"{at} 第 {i + 1} 项“{text}”的范围应从早到晚且不超过 31 天。");
                }

                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    days.Add(day);
                }
            }

            return days;
        }

        private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static FloorRule? Floors(JsonNode? node)
        {
            if (node is null)
            {
                return null;
            }

            var floors = Object(node, "floors", ["enabled", "source", "light", "points"]);
            if (!Enabled(floors, "floors"))
            {
                return null;
            }

            if (floors["points"] is not JsonArray array || array.Count == 0)
            {
                throw new RuleError("floors.points", "floors.points 应为至少有一项的数组（月份和执行率下限）。");
            }

            var points = new List<FloorPoint>();
            for (var i = 0; i < array.Count; i++)
            {
                var path = $"floors.points[{i}]";
                var point = Object(array[i], path, ["month", "min"]);
                var month = Month(point, path, "month");
                var min = Ratio(point, path, "min");
                if (points.Count > 0 && month <= points[^1].Month)
                {
                    throw new RuleError(path + ".month", $"floors.points 的月份应从小到大排列（{month} 月在 {points[^1].Month} 月之后）。");
                }

                points.Add(new FloorPoint(month, min));
            }

            return new FloorRule(points, LightOf(floors, "floors", "light"), Text(floors, "floors", "source"));
        }

        private static GapRule? Gap(JsonNode? node)
        {
            if (node is null)
            {
                return null;
            }

            var gap = Object(node, "gap", ["enabled", "source", "light", "maxPoints"]);
            if (!Enabled(gap, "gap"))
            {
                return null;
            }

            var max = Number(gap, "gap", "maxPoints");
            if (max is <= 0 or > 100)
            {
                throw new RuleError("gap.maxPoints", $"gap.maxPoints 应为 0 到 100 之间的百分点数（现为 {LightBands.Number(max)}）。");
            }

            return new GapRule(max, LightOf(gap, "gap", "light"), Text(gap, "gap", "source"));
        }

        private static KeyMonitoringRule? KeyMonitoring(JsonNode? node)
        {
            if (node is null)
            {
                return null;
            }

            var key = Object(node, "keyMonitoring", ["enabled", "source", "minBudgetWanYuan", "byMonth", "maxExecution"]);
            if (!Enabled(key, "keyMonitoring"))
            {
                return null;
            }

            var min = Number(key, "keyMonitoring", "minBudgetWanYuan");
            if (min < 0)
            {
                throw new RuleError("keyMonitoring.minBudgetWanYuan", "keyMonitoring.minBudgetWanYuan（万元）不能为负数。");
            }

            return new KeyMonitoringRule(min, Month(key, "keyMonitoring", "byMonth"), Ratio(key, "keyMonitoring", "maxExecution"),
                Text(key, "keyMonitoring", "source"));
        }

        private static LightBands Bands(JsonObject section, string path)
        {
            var bandsPath = path + ".bands";
            if (section["bands"] is not JsonArray array || array.Count == 0)
            {
                throw new RuleError(bandsPath, $"{bandsPath} 应为至少有一项的数组（每项 light 和 below）。");
            }

            var bands = new List<LightBand>();
            for (var i = 0; i < array.Count; i++)
            {
                var bandPath = $"{bandsPath}[{i}]";
                var band = Object(array[i], bandPath, ["light", "below"]);
                var light = LightOf(band, bandPath, "light");
                var last = i == array.Count - 1;
                if (last && band["below"] is not null)
                {
                    throw new RuleError(bandPath + ".below", $"{bandsPath} 的最后一档不应有 below：它承接其余所有比值。");
                }

                if (last)
                {
                    bands.Add(new LightBand(light, null));
                    continue;
                }

                if (band["below"] is null)
                {
                    throw new RuleError(bandPath, $"{bandsPath} 第 {i + 1} 档缺少 below（低于该比值时亮{light.Chinese()}）；只有最后一档可以没有。");
                }

                var below = Number(band, bandPath, "below");
                if (below <= 0)
                {
                    throw new RuleError(bandPath + ".below", $"{bandsPath} 第 {i + 1} 档的 below 应大于 0（现为 {LightBands.Number(below)}）。");
                }

                if (bands.Count > 0 && below <= bands[^1].Below)
                {
                    throw new RuleError(bandPath + ".below",
                        $"{bandsPath} 的分界应从小到大排列（{LightBands.Number(below)} 在 {LightBands.Number(bands[^1].Below!.Value)} 之后）。");
                }

                bands.Add(new LightBand(light, below));
            }

            return new LightBands(bands);
        }

        private static Dictionary<Likelihood, Light> LikelihoodLights(JsonObject qualitative)
        {
            var names = Lights.AllLikelihoods.Select(l => l.Chinese()).ToArray();
            var map = Object(qualitative["likelihood"], "qualitative.likelihood", names);
            var result = new Dictionary<Likelihood, Light>();
            foreach (var likelihood in Lights.AllLikelihoods)
            {
                if (map[likelihood.Chinese()] is null)
                {
                    throw new RuleError("qualitative.likelihood", $"qualitative.likelihood 缺少“{likelihood.Chinese()}”的灯色。");
                }

                result[likelihood] = LightOf(map, "qualitative.likelihood", likelihood.Chinese());
            }

            return result;
        }

        private static JsonObject Object(JsonNode? node, string path, string[] known)
        {
            var name = path.Length == 0 ? "文件" : path + " ";
            if (node is not JsonObject obj)
            {
                throw new RuleError(path, node is null ? $"缺少 {name.TrimEnd()}。" : $"{name}应为对象（{{…}}）。");
            }

            foreach (var (key, _) in obj)
            {
                if (key != "$comment" && !known.Contains(key, StringComparer.Ordinal))
                {
                    throw new RuleError(Child(path, key), $"{name}中没有“{key}”这一项（可用：{string.Join("、", known)}）。");
                }
            }

            return obj;
        }

        private static bool Enabled(JsonObject section, string path) =>
            section["enabled"] switch
            {
                null => true,
                JsonValue v when v.TryGetValue<bool>(out var enabled) => enabled,
                _ => throw new RuleError(path + ".enabled", $"{path}.enabled 应为 true 或 false。"),
            };

        private static string Text(JsonObject obj, string path, string name) =>
            obj[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
                ? s.Trim()
                : throw new RuleError(Child(path, name), obj[name] is null
                    ? $"缺少 {Child(path, name)}" + (name == "source" ? "（每条规则须写明依据，如 财预〔2019〕136号）。" : "。")
                    : $"{Child(path, name)} 应为非空的文字。");

        private static string[] Texts(JsonObject obj, string path, string name, bool allowEmpty)
        {
            var at = Child(path, name);
            if (obj[name] is not JsonArray array || (!allowEmpty && array.Count == 0))
            {
                throw new RuleError(at, $"{at} 应为{(allowEmpty ? "" : "至少有一项的")}文字数组。");
            }

            var texts = new List<string>();
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue v || !v.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s))
                {
                    throw new RuleError($"{at}[{i}]", $"{at} 第 {i + 1} 项应为非空的文字。");
                }

                if (texts.Contains(s.Trim(), StringComparer.Ordinal))
                {
                    throw new RuleError($"{at}[{i}]", $"{at} 中“{s.Trim()}”重复。");
                }

                texts.Add(s.Trim());
            }

            return [.. texts];
        }

        private static decimal Number(JsonObject obj, string path, string name) =>
            obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d)
                ? d
                : throw new RuleError(Child(path, name), obj[name] is null ? $"缺少 {Child(path, name)}。" : $"{Child(path, name)} 应为数字。");

        /// <summary>A share of the year or of the budget: 0 to 1 (0.6 = 60 %).</summary>
        private static decimal Ratio(JsonObject obj, string path, string name)
        {
            var value = Number(obj, path, name);
            return value is >= 0 and <= 1
                ? value
                : throw new RuleError(Child(path, name), $"{Child(path, name)} 应为 0 到 1 之间的比例（0.6 即 60 %），现为 {LightBands.Number(value)}。");
        }

        private static int Month(JsonObject obj, string path, string name)
        {
            var value = Number(obj, path, name);
            return value is >= 1 and <= 12 && value == decimal.Truncate(value)
                ? (int)value
                : throw new RuleError(Child(path, name), $"{Child(path, name)} 应为 1 到 12 的月份，现为 {LightBands.Number(value)}。");
        }

        private static Light LightOf(JsonObject obj, string path, string name)
        {
            var at = Child(path, name);
            var text = obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            return Lights.ParseLight(text)
                ?? throw new RuleError(at, text is null ? $"缺少 {at}（red、yellow、green 或 blue）。" : $"{at} 的灯色“{text}”无效（应为 red、yellow、green 或 blue）。");
        }

        private static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;
    }
}

/// <summary>A loaded rule file, or why it was refused (MON001, with the file and line).</summary>
public sealed record MonitoringRulesLoad(MonitoringRules? Rules, Diagnostic? Error);

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ExcelDataReader;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Import.Evaluations;

/// <summary>
/// Reads an evaluation sheet from .xlsx (or .xls) in the layout of <see cref="EvaluationSheetCells"/>, as
/// `jixiao template` writes it and a clerk fills it in. Columns are found by their header text, so they may be
/// reordered; the grid starts at the row whose column A reads 一级指标. The cells become the JSON sheet format and go
/// through <see cref="EvaluationSheetJson"/>, so both formats are checked by the same rules; diagnostics point at
/// cells ("评价表!D12"). Never throws on a bad file.
/// </summary>
public static class EvaluationSheetXlsxReader
{
    public const string Unreadable = "EVX001";
    public const string BadCell = "EVX002";

    static EvaluationSheetXlsxReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static EvaluationSheetReadResult Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    public static EvaluationSheetReadResult Read(Stream stream, string file)
    {
        List<List<object?>> grid;
        List<List<object?>> groupRows;
        try
        {
            (grid, groupRows) = Load(stream);
        }
#pragma warning disable CA1031 // ExcelDataReader throws many exception types on damaged files; all mean "cannot read this workbook"
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new(null, [new Diagnostic(Severity.Error, Unreadable, new SourceLocation(file), $"无法读取 Excel 文件：{Jixiao.Import.Imports.ReadFailure.Describe(ex)}")]);
        }

        var diagnostics = new List<Diagnostic>();
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = new JsonObject();
        var headerRow = grid.FindIndex(r => Text(r, 0) == EvaluationSheetCells.Columns[0].Header);
        if (headerRow < 0)
        {
            return new(null, [new Diagnostic(Severity.Error, Unreadable, new SourceLocation(file, null, EvaluationSheetCells.IndicatorSheet),
                $"工作表“{EvaluationSheetCells.IndicatorSheet}”中找不到表头“一级指标”：请使用 jixiao template 生成的模板。")]);
        }

        for (var r = 0; r < headerRow; r++)
        {
            var label = Text(grid[r], 0);
            var field = EvaluationSheetCells.Labels.FirstOrDefault(l => l.Label == label).Field;
            if (field is null || Value(grid[r], 1) is not { } value)
            {
                continue;
            }

            cells[field] = Cell(EvaluationSheetCells.IndicatorSheet, r, 1);
            if (field == "gradeBands")
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                var bands = EvaluationSheetCells.ParseGradeBands(text, out var bad);
                if (bands is null)
                {
                    diagnostics.Add(new(Severity.Error, BadCell, Locate(file, cells, field), $"等级划分“{text}”中“{bad}”无法识别（应如“优≥90、良≥80、中≥60、差≥0”），按默认四级计。"));
                    continue;
                }

                root[field] = new JsonArray(bands.Select(b => (JsonNode)new JsonObject { ["grade"] = b.Grade, ["min"] = b.Min }).ToArray());
            }
            else
            {
                root[field] = Node(value);
            }
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < grid[headerRow].Count; c++)
        {
            var header = Text(grid[headerRow], c);
            var field = EvaluationSheetCells.Columns.FirstOrDefault(x => x.Header == header).Field;
            if (field is not null)
            {
                columns.TryAdd(field, c);
            }
            else if (header.Length > 0)
            {
                diagnostics.Add(new(Severity.Warning, BadCell, new SourceLocation(file, null, Cell(EvaluationSheetCells.IndicatorSheet, headerRow, c)),
                    $"不认识的列“{header}”，已忽略。"));
            }
        }

        var indicators = new JsonArray();
        for (var r = headerRow + 1; r < grid.Count; r++)
        {
            if (columns.Values.All(c => Value(grid[r], c) is null))
            {
                continue;
            }

            var path = $"indicators[{indicators.Count}]";
            var indicator = new JsonObject();
            JsonObject? actual = null;
            foreach (var (field, c) in columns)
            {
                if (Value(grid[r], c) is not { } value)
                {
                    continue;
                }

                var cell = Cell(EvaluationSheetCells.IndicatorSheet, r, c);
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                switch (field)
                {
                    case "formula":
                        actual ??= [];
                        actual["formula"] = text;
                        cells[path + ".actual.formula"] = cell;
                        cells[path + ".actual"] = cell;
                        break;
                    case "inputs":
                        actual ??= [];
                        actual["inputs"] = Inputs(text, file, cell, diagnostics);
                        cells[path + ".actual.inputs"] = cell;
                        break;
                    case "tiers":
                        var tiers = EvaluationSheetCells.ParseTiers(text, out var badTiers);
                        Report(badTiers, "计分档次", "“≥90%:10”", file, cell, diagnostics);
                        indicator["tiers"] = new JsonArray(tiers.Select(t => (JsonNode)new JsonObject { ["min"] = t.Min, ["score"] = t.Score }).ToArray());
                        cells[path + ".tiers"] = cell;
                        break;
                    case "deductions":
                        var deductions = EvaluationSheetCells.ParseDeductions(text, out var badDeductions);
                        Report(badDeductions, "扣分", "“扣1.5分：理由”（每行一项）", file, cell, diagnostics);
                        indicator["deductions"] = new JsonArray(deductions.Select(d => (JsonNode)new JsonObject { ["points"] = d.Points, ["reason"] = d.Reason }).ToArray());
                        cells[path + ".deductions"] = cell;
                        break;
                    default:
                        indicator[field] = Node(value);
                        cells[$"{path}.{field}"] = cell;
                        break;
                }
            }

            if (actual is not null)
            {
                if (indicator["actual"] is not null)
                {
                    diagnostics.Add(new(Severity.Warning, BadCell, Locate(file, cells, path + ".actual.formula"),
                        "同一行既填了实际完成值又填了计算公式：按公式计算，实际完成值作为报告完成值核对。"));
                    indicator["statedActual"] ??= indicator["actual"]!.DeepClone();
                    indicator.Remove("actual");
                }

                indicator["actual"] = actual;
            }

            cells[path] = Cell(EvaluationSheetCells.IndicatorSheet, r, 0);
            indicators.Add(indicator);
        }

        root["indicators"] = indicators;
        var groups = Groups(groupRows, cells);
        if (groups is not null)
        {
            root["groups"] = groups;
        }

        var result = EvaluationSheetJson.Read(root.ToJsonString(), file, p => Locate(file, cells, p));
        return result with { Diagnostics = [.. diagnostics, .. result.Diagnostics] };
    }

    private static JsonArray? Groups(List<List<object?>> rows, Dictionary<string, string> cells)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var groups = new JsonArray();
        for (var r = 1; r < rows.Count; r++)
        {
            var level1 = Text(rows[r], 0);
            var weight = Value(rows[r], 2);
            if (level1.Length == 0 && weight is null)
            {
                continue;
            }

            var path = $"groups[{groups.Count}]";
            cells[path] = Cell(EvaluationSheetCells.GroupSheet, r, 0);
            cells[path + ".weight"] = Cell(EvaluationSheetCells.GroupSheet, r, 2);
            var group = new JsonObject { ["level1"] = level1, ["weight"] = weight is null ? null : Node(weight) };
            if (Text(rows[r], 1) is { Length: > 0 } level2)
            {
                group["level2"] = level2;
            }

            groups.Add(group);
        }

        return groups.Count == 0 ? null : groups;
    }

    private static JsonObject Inputs(string text, string file, string cell, List<Diagnostic> diagnostics)
    {
        var inputs = new JsonObject();
        var parsed = EvaluationSheetCells.ParseInputs(text, out var bad);
        foreach (var (name, value, series) in parsed)
        {
            inputs[name] = series is not null ? new JsonArray(series.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()) : value;
        }

        Report(bad, "公式输入", "“名称=数值”，多项用“；”分隔", file, cell, diagnostics);
        return inputs;
    }

    private static void Report(List<string> bad, string what, string expected, string file, string cell, List<Diagnostic> diagnostics)
    {
        foreach (var piece in bad)
        {
            diagnostics.Add(new(Severity.Error, BadCell, new SourceLocation(file, null, cell), $"{what}中的“{piece}”无法识别，应写作{expected}，已忽略。"));
        }
    }

    private static SourceLocation Locate(string file, Dictionary<string, string> cells, string path)
    {
        // the closest mapped path: "indicators[3].actual.inputs.支出" → "indicators[3].actual.inputs" → … → "indicators[3]"
        var key = path;
        while (key.Length > 0)
        {
            if (cells.TryGetValue(key, out var cell))
            {
                return new SourceLocation(file, null, cell);
            }

            var cut = key.LastIndexOf('.');
            key = cut > 0 ? key[..cut] : "";
        }

        return new SourceLocation(file, null, EvaluationSheetCells.IndicatorSheet);
    }

    private static (List<List<object?>> Grid, List<List<object?>> Groups) Load(Stream stream)
    {
        using var reader = ExcelReaderFactory.CreateReader(stream);
        List<List<object?>>? grid = null;
        List<List<object?>>? groups = null;
        var first = true;
        do
        {
            var rows = new List<List<object?>>();
            while (reader.Read())
            {
                var row = new List<object?>(reader.FieldCount);
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    row.Add(reader.GetValue(c));
                }

                rows.Add(row);
            }

            if (reader.Name == EvaluationSheetCells.GroupSheet)
            {
                groups = rows;
            }
            else if (reader.Name == EvaluationSheetCells.IndicatorSheet || first && grid is null)
            {
                grid = rows;
            }

            first = false;
        }
        while (reader.NextResult());

        return (grid ?? [], groups ?? []);
    }

    private static object? Value(List<object?> row, int column)
    {
        if (column >= row.Count || row[column] is null)
        {
            return null;
        }

        return row[column] is string s && string.IsNullOrWhiteSpace(s) ? null : row[column];
    }

    private static string Text(List<object?> row, int column) =>
        Value(row, column) is { } v ? (Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").Trim() : "";

    private static JsonNode? Node(object value) => value switch
    {
        double d => JsonValue.Create((decimal)d),
        int i => JsonValue.Create(i),
        bool b => JsonValue.Create(b ? "是" : "否"),
        DateTime t => JsonValue.Create(t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim()),
    };

    private static string Cell(string sheet, int row, int column)
    {
        var name = "";
        var index = column + 1;
        while (index > 0)
        {
            var rem = (index - 1) % 26;
            name = (char)('A' + rem) + name;
            index = (index - 1) / 26;
        }

        return $"{sheet}!{name}{row + 1}";
    }
}

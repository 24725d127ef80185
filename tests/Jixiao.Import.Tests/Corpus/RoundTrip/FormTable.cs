using System.Globalization;
using System.Text.Json;

namespace Jixiao.Import.Tests.Corpus.RoundTrip;

/// <summary>A cell of a drawn table, at its top-left grid position; a merged cell spans rows and columns.</summary>
internal sealed record FormCell(int Row, int Column, string Text, int RowSpan = 1, int ColumnSpan = 1, bool Number = false);

/// <summary>
/// A form as it is drawn in Word or Excel: a title above a table of <see cref="Columns"/> grid columns of the given widths. Built from a
/// corpus truth file, one layout per family: the 项目支出绩效目标申报表 (label column, values spanning the other
/// columns, 一级 and 二级 merged down over their blocks) and the 项目支出绩效自评表 (the same with the budget block,
/// 实际完成值 / 分值 / 得分 and the 总分 line).
/// </summary>
internal sealed record FormTable(string Title, IReadOnlyList<int> ColumnWidths, IReadOnlyList<FormCell> Cells)
{
    /// <summary>The grid columns; <see cref="ColumnWidths"/> are in twentieths of a point (9,600 in all: A4 less narrow margins).</summary>
    public int Columns => ColumnWidths.Count;

    public int Rows => Cells.Max(c => c.Row + c.RowSpan);

    public static FormTable FromTruth(JsonElement truth)
    {
        var kind = truth.GetProperty("kind").GetString();
        var project = truth.GetProperty("projects")[0];
        return kind switch
        {
            "targets" => Targets(project),
            "self-evaluation" => SelfEvaluation(project, truth),
            "department-targets" => DepartmentTargets(project),
            _ => throw new ArgumentException($"no round-trip layout for {kind}"),
        };
    }

    /// <summary>项目名称 / 实施单位 / 年度资金总额 in the label column, then 一级 | 二级 | 三级 | 年度指标值 (| 分值 where weighed).</summary>
    private static FormTable Targets(JsonElement project)
    {
        const int columns = 4;
        var cells = new List<FormCell>();
        var row = 0;
        Label(cells, ref row, columns, "项目名称", Text(project, "name"));
        Label(cells, ref row, columns, "实施单位", Text(project, "unit"));
        Label(cells, ref row, columns, "年度资金总额（万元）", Text(project, "amount"), number: true);
        if (project.GetProperty("indicators").EnumerateArray().Any(i => Text(i, "weight").Length > 0))
        {
            // A 评价指标表 that weighs its targets: 分值 after the value.
            Header(cells, ref row, ["一级指标", "二级指标", "三级指标", "年度指标值", "分值"]);
            Indicators(cells, ref row, project, i => [(Text(i, "target"), false), (Text(i, "weight"), true)]);
            return new FormTable("项目支出绩效目标申报表", [1400, 1600, 3400, 2200, 1000], cells);
        }

        Header(cells, ref row, ["一级指标", "二级指标", "三级指标", "年度指标值"]);
        Indicators(cells, ref row, project, i => [(Text(i, "target"), false)]);
        return new FormTable("项目支出绩效目标申报表", [1500, 1700, 3800, 2600], cells);
    }

    /// <summary>
    /// The 部门整体支出绩效目标申报表: 部门名称, 年度预算申请（万元） over 资金总额 and its amount, then under 年度绩效指标
    /// 一级 | 二级 | 三级 | 指标值 (a 三级 is often a whole sentence with no value of its own).
    /// </summary>
    private static FormTable DepartmentTargets(JsonElement project)
    {
        const int columns = 4;
        var cells = new List<FormCell>();
        var row = 0;
        Label(cells, ref row, columns, "部门名称", Text(project, "name"));
        cells.Add(new FormCell(row, 0, "年度预算申请（万元）", RowSpan: 2));
        cells.Add(new FormCell(row, 1, "资金总额", ColumnSpan: 3));
        cells.Add(new FormCell(row + 1, 1, Text(project, "amount"), ColumnSpan: 3, Number: true));
        row += 2;
        cells.Add(new FormCell(row++, 0, "年度绩效指标", ColumnSpan: columns));
        Header(cells, ref row, ["一级指标", "二级指标", "三级指标", "指标值"]);
        Indicators(cells, ref row, project, i => [(Text(i, "target"), false)]);
        return new FormTable("部门整体支出绩效目标申报表", [1500, 1700, 4400, 2000], cells);
    }

    /// <summary>
    /// 项目名称 / 实施单位, the budget block (项目资金（万元） | 全年预算数 | 全年执行数 over 年度资金总额 and its amounts),
    /// then 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分, and 总分 when the document states one.
    /// </summary>
    private static FormTable SelfEvaluation(JsonElement project, JsonElement truth)
    {
        const int columns = 7;
        var cells = new List<FormCell>();
        var row = 0;
        Label(cells, ref row, columns, "项目名称", Text(project, "name"));
        Label(cells, ref row, columns, "实施单位", Text(project, "unit"));
        cells.Add(new FormCell(row, 0, "项目资金（万元）"));
        cells.Add(new FormCell(row, 1, "全年预算数", ColumnSpan: 2));
        cells.Add(new FormCell(row, 3, "全年执行数", ColumnSpan: 4));
        cells.Add(new FormCell(row + 1, 0, "年度资金总额"));
        cells.Add(new FormCell(row + 1, 1, Text(project, "amount"), ColumnSpan: 2, Number: true));
        cells.Add(new FormCell(row + 1, 3, Text(project, "executed"), ColumnSpan: 4, Number: true));
        row += 2;
        Header(cells, ref row, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
        Indicators(cells, ref row, project, i => [(Text(i, "target"), false), (Text(i, "actual"), false), (Text(i, "weight"), true), (Text(i, "score"), true)]);
        if (truth.TryGetProperty("statedTotal", out var total) && total.ValueKind == JsonValueKind.Number)
        {
            cells.Add(new FormCell(row, 0, "总分", ColumnSpan: columns - 1));
            cells.Add(new FormCell(row, columns - 1, Number(total), Number: true));
        }

        return new FormTable("项目支出绩效自评表", [1200, 1300, 2600, 1300, 1300, 900, 1000], cells);
    }

    private static void Label(List<FormCell> cells, ref int row, int columns, string label, string value, bool number = false)
    {
        cells.Add(new FormCell(row, 0, label));
        cells.Add(new FormCell(row, 1, value, ColumnSpan: columns - 1, Number: number));
        row++;
    }

    private static void Header(List<FormCell> cells, ref int row, IReadOnlyList<string> labels)
    {
        for (var c = 0; c < labels.Count; c++)
        {
            cells.Add(new FormCell(row, c, labels[c]));
        }

        row++;
    }

    /// <summary>One row per indicator; 一级 merged down over its run of rows, 二级 over its run within it.</summary>
    private static void Indicators(List<FormCell> cells, ref int row, JsonElement project, Func<JsonElement, IReadOnlyList<(string Text, bool Number)>> values)
    {
        var indicators = project.GetProperty("indicators").EnumerateArray().ToList();
        for (var i = 0; i < indicators.Count; i++)
        {
            var ind = indicators[i];
            var level1 = Text(ind, "level1");
            var level2 = Text(ind, "level2");
            if (i == 0 || Text(indicators[i - 1], "level1") != level1)
            {
                var span = indicators.Skip(i).TakeWhile(x => Text(x, "level1") == level1).Count();
                cells.Add(new FormCell(row, 0, level1, RowSpan: span));
            }

            if (i == 0 || Text(indicators[i - 1], "level1") != level1 || Text(indicators[i - 1], "level2") != level2)
            {
                var span = indicators.Skip(i).TakeWhile(x => Text(x, "level1") == level1 && Text(x, "level2") == level2).Count();
                cells.Add(new FormCell(row, 1, level2, RowSpan: span));
            }

            cells.Add(new FormCell(row, 2, Text(ind, "name")));
            var column = 3;
            foreach (var (text, number) in values(ind))
            {
                cells.Add(new FormCell(row, column++, text, Number: number && text.Length > 0));
            }

            row++;
        }
    }

    /// <summary>A truth value as the document would print it: text as is, numbers without trailing zeros, null as an empty cell.</summary>
    private static string Text(JsonElement e, string key) =>
        !e.TryGetProperty(key, out var v) ? "" : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Number => Number(v),
            _ => "",
        };

    private static string Number(JsonElement v) => v.GetDecimal().ToString("0.######", CultureInfo.InvariantCulture);
}

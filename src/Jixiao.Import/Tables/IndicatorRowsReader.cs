using System.Text.RegularExpressions;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;
using Jixiao.Import.Imports;
using Jixiao.Import.Indicators;
using Jixiao.Import.Text;

namespace Jixiao.Import.Tables;

/// <summary>
/// Layout 4, one row per indicator: 一级指标 / 二级指标 / 三级指标 / 指标值, with optional 项目名称, 绩效目标 and
/// amount columns, 指标性质 (≥ = ≤ or 定性), 度量单位, 权重 and 指标方向性, and an optional 实施周期指标值 next to the
/// (年度) 指标值. Cells merged in the source are blank on continuation rows and mean "same as above". A table
/// without a 项目名称 column takes its project from the line above it ("项目名称：…"); several such tables may follow
/// each other. A row with categories but no 三级 and no value is an unused category and is skipped.
/// </summary>
public sealed partial class IndicatorRowsReader(ImportContext context)
{
    /// <summary>Column indexes; -1 when absent.</summary>
    public sealed record Columns(int Project, int Goal, int Total, int Fiscal, int Other, int Level1, int Level2, int Level3,
        int Nature, int Value, int PeriodValue, int MeasureUnit, int Weight, int Direction);

    [GeneratedRegex(@"^(?<label>项目名称|项目|主管部门|部门名称|实施单位|预算单位|资金总额|项目资金|年度资金总额|预算金额|绩效目标|年度绩效目标|年度目标|总体目标)\s*(?:\((?<unit>万元|元)\))?\s*:\s*(?<value>.*)$")]
    private static partial Regex LabelLine();

    private Columns? columns;
    private Pending? project;
    private string? projectFromLabel;
    private string? goalFromLabel;
    private decimal? totalFromLabel;
    private SourceLocation? labelLocation;
    private string? unitName;
    private Domain.Taxonomy.IndicatorCategory? level1;
    private Domain.Taxonomy.IndicatorCategory? level2;
    private string? level1Text;
    private string? level2Text;

    public static Columns? TryHeader(IReadOnlyList<string> cells)
    {
        int project = -1, goal = -1, total = -1, fiscal = -1, other = -1, l1 = -1, l2 = -1, l3 = -1, nature = -1, value = -1, period = -1,
            unit = -1, weight = -1, direction = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            var key = ChineseText.Collapse(cells[i]);
            if (key.Length == 0)
            {
                continue;
            }

            if (key.StartsWith("一级", StringComparison.Ordinal)) { l1 = l1 < 0 ? i : l1; }
            else if (key.StartsWith("二级", StringComparison.Ordinal)) { l2 = l2 < 0 ? i : l2; }
            else if (key.StartsWith("三级", StringComparison.Ordinal) || key is "指标名称" or "具体指标") { l3 = l3 < 0 ? i : l3; }
            else if (key.Contains("项目名称", StringComparison.Ordinal)) { project = project < 0 ? i : project; }
            else if (key.Contains("绩效目标", StringComparison.Ordinal) || key is "年度目标" or "总体目标") { goal = goal < 0 ? i : goal; }
            else if (key.Contains("性质", StringComparison.Ordinal) || key is "符号" or "比较符") { nature = nature < 0 ? i : nature; }
            else if (key.Contains("实施周期", StringComparison.Ordinal) || key.Contains("实施期", StringComparison.Ordinal)) { period = period < 0 ? i : period; }
            else if (key.Contains("指标值", StringComparison.Ordinal) || key is "目标值" or "年度目标值" or "预期值") { value = value < 0 ? i : value; }
            else if (key.Contains("度量单位", StringComparison.Ordinal) || key.Contains("计量单位", StringComparison.Ordinal)) { unit = unit < 0 ? i : unit; }
            else if (key.StartsWith("权重", StringComparison.Ordinal) || key.StartsWith("分值", StringComparison.Ordinal)) { weight = weight < 0 ? i : weight; }
            else if (key.Contains("方向", StringComparison.Ordinal)) { direction = direction < 0 ? i : direction; }
            else if (key.Contains("总计", StringComparison.Ordinal) || key.Contains("资金总额", StringComparison.Ordinal)) { total = total < 0 ? i : total; }
            else if (key.Contains("财政拨款", StringComparison.Ordinal)) { fiscal = fiscal < 0 ? i : fiscal; }
            else if (key.Contains("其他资金", StringComparison.Ordinal)) { other = other < 0 ? i : other; }
        }

        return l1 >= 0 && l2 >= 0 && l3 >= 0 && (value >= 0 || period >= 0)
            ? new Columns(project, goal, total, fiscal, other, l1, l2, l3, nature, value, period, unit, weight, direction)
            : null;
    }

    /// <summary>Lines outside the table: "项目名称：…", "主管部门：…", "资金总额（万元）：…", "绩效目标：…". False when not one of these.</summary>
    public bool AcceptText(SourceLine line)
    {
        var normalized = ChineseText.Normalize(line.Text);
        var offset = normalized.Length - normalized.TrimStart().Length;
        var match = LabelLine().Match(normalized.Trim());
        if (!match.Success)
        {
            return false;
        }

        // The value as the source wrote it (full-width punctuation kept); normalising keeps positions.
        var value = line.Text.Substring(offset + match.Groups["value"].Index, match.Groups["value"].Length).Trim();
        switch (match.Groups["label"].Value)
        {
            case "项目名称" or "项目":
                Flush();
                projectFromLabel = value;
                goalFromLabel = null;
                totalFromLabel = null;
                labelLocation = context.At(line);
                break;
            case "主管部门" or "部门名称":
                context.Document(value, context.AmountUnit);
                break;
            case "实施单位" or "预算单位":
                EnsureUnit(value, context.At(line));
                break;
            case "资金总额" or "项目资金" or "年度资金总额" or "预算金额":
                var unit = match.Groups["unit"].Success ? match.Groups["unit"].Value : value.EndsWith("万元", StringComparison.Ordinal) ? "万元" : null;
                if (unit is not null)
                {
                    context.Document(null, unit == "万元" ? MoneyUnit.WanYuan : MoneyUnit.Yuan);
                }

                totalFromLabel = ProjectRows.Amount(context, value.Replace("万元", "", StringComparison.Ordinal).Replace("元", "", StringComparison.Ordinal),
                    "资金总额", projectFromLabel ?? "项目", context.At(line));
                break;
            default:
                goalFromLabel = value;
                break;
        }

        return true;
    }

    public void Accept(TableRow row)
    {
        if (row.IsBlank || row.Cells.All(c => c.Trim().Trim(':', '-', ' ').Length == 0))
        {
            return;
        }

        if (TryHeader(row.Cells) is { } header)
        {
            columns = header;
            return;
        }

        if (columns is null)
        {
            var nonEmpty = row.Cells.Count(c => !string.IsNullOrWhiteSpace(c));
            if (nonEmpty >= 1 && AcceptText(new SourceLine(row.Location.Line ?? 0, string.Join(":", row.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())), row.Location.Cell)))
            {
                return;
            }

            if (nonEmpty == 1 && Preamble.TryRead(row.Text) is { } facts)
            {
                context.Apply(facts);
                return;
            }

            context.Report(Severity.Warning, ImportCodes.UnusedLine, row.Location, $"表头之前的内容未读取：“{Shorten(row.Text)}”。");
            return;
        }

        var c = columns;
        var projectName = c.Project >= 0 ? row.Cell(c.Project).Trim() : "";
        if (projectName.Length > 0 && (project is null || project.Name != projectName))
        {
            Flush();
            StartProject(projectName, row, c);
        }
        else if (project is null)
        {
            if (projectFromLabel is null)
            {
                context.Report(Severity.Warning, ImportCodes.NoUnit, row.Location, "指标行之前没有项目名称，归入“（未注明项目）”。");
            }

            StartProject(projectFromLabel ?? "（未注明项目）", row, c);
        }

        var l1Cell = Cell(row, c.Level1);
        var l2Cell = Cell(row, c.Level2);
        if (l1Cell.Length > 0)
        {
            level1Text = l1Cell;
            level2Text = null;
        }

        if (l2Cell.Length > 0)
        {
            level2Text = l2Cell;
        }

        var name = Cell(row, c.Level3);
        var value = Cell(row, c.Value);
        var periodValue = Cell(row, c.PeriodValue);
        if (name.Length == 0 && value.Length == 0 && periodValue.Length == 0)
        {
            return;
        }

        var location = row.CellLocation(c.Level3);
        var resolution = CategoryResolver.Resolve(level1Text is null ? null : new CategoryToken(null, level1Text),
            level2Text is null ? null : new CategoryToken(null, level2Text));
        level1 = resolution.Level1;
        level2 = resolution.Level2;
        if (name.Length == 0)
        {
            name = level2Text ?? level1Text ?? "（未命名指标）";
            context.Report(Severity.Warning, ImportCodes.IndicatorRowIncomplete, location, $"这一行有指标值但没有三级指标名称，以“{name}”代替。");
        }

        foreach (var unknown in resolution.Unknown)
        {
            context.Report(Severity.Warning, ImportCodes.CategoryUnknown, location, $"指标“{name}”的分类“{unknown}”不在指标分类中。");
        }

        var nature = Cell(row, c.Nature);
        var measure = Cell(row, c.MeasureUnit);
        decimal? weight = null;
        var weightCell = Cell(row, c.Weight).TrimEnd('%', '％');
        if (weightCell.Length > 0)
        {
            if (Amounts.TryParse(weightCell, out var w))
            {
                weight = w;
            }
            else
            {
                context.Report(Severity.Warning, ImportCodes.BadWeight, row.CellLocation(c.Weight), $"指标“{name}”的权重“{weightCell}”不是数字。");
            }
        }

        project!.Indicators.Add(new Indicator(
            level1,
            level2,
            name,
            periodValue.Length > 0 ? TargetParser.Parse(Compose(nature, periodValue, measure)) : null,
            value.Length > 0 ? TargetParser.Parse(Compose(nature, value, measure)) : null,
            Unit: measure.Length > 0 ? measure : null,
            Direction: DirectionOf(Cell(row, c.Direction)),
            Weight: weight,
            Level1Text: level1Text,
            Level2Text: level2Text,
            Number: project.Indicators.Count + 1,
            Location: location));
    }

    public void Flush()
    {
        if (project is null)
        {
            return;
        }

        var p = project;
        project = null;
        if (p.Indicators.Count == 0)
        {
            context.Report(Severity.Warning, ImportCodes.ProjectIncomplete, p.Location, $"项目“{p.Name}”没有绩效指标。");
        }

        context.Project(new Project(p.Name, context.FiscalYear, p.Amounts, new PerformanceGoal(p.Goal ?? ""), p.Indicators, p.Location));
    }

    private void StartProject(string name, TableRow row, Columns c)
    {
        level1 = level2 = null;
        level1Text = level2Text = null;
        var amounts = new ProjectAmounts(
            c.Total >= 0 ? ProjectRows.Amount(context, row.Cell(c.Total), "总计", name, row.CellLocation(c.Total)) : totalFromLabel,
            c.Fiscal >= 0 ? ProjectRows.Amount(context, row.Cell(c.Fiscal), "财政拨款", name, row.CellLocation(c.Fiscal)) : null,
            null,
            c.Other >= 0 ? ProjectRows.Amount(context, row.Cell(c.Other), "其他资金", name, row.CellLocation(c.Other)) : null,
            context.AmountUnit);
        var goal = c.Goal >= 0 && Cell(row, c.Goal).Length > 0 ? Cell(row, c.Goal) : goalFromLabel;
        var location = c.Project >= 0 && row.Cell(c.Project).Trim().Length > 0 ? row.CellLocation(c.Project) : labelLocation ?? row.Location;
        if (!context.HasUnit)
        {
            EnsureUnit(unitName ?? context.Department ?? "（未注明单位）", location);
        }

        project = new Pending(name, amounts, goal, location);
        projectFromLabel = null;
        goalFromLabel = null;
        totalFromLabel = null;
    }

    private void EnsureUnit(string name, SourceLocation location)
    {
        if (unitName == name && context.HasUnit)
        {
            return;
        }

        Flush();
        unitName = name;
        context.Unit(name, null, location);
    }

    private static string Cell(TableRow row, int index) =>
        index < 0 ? "" : row.Cell(index).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();

    /// <summary>"≥" + "95" + "%" → "≥95%"; a value that already states its comparator or unit is kept as it is.</summary>
    private static string Compose(string nature, string value, string unit)
    {
        var n = ChineseText.Normalize(nature).Trim();
        var text = value;
        if (n is "≥" or "≤" or "=" or ">" or "<" or ">=" or "<=" && !"≥≤=><＞＜≧≦".Contains(ChineseText.Normalize(value)[0], StringComparison.Ordinal)
            && char.IsAsciiDigit(ChineseText.Normalize(value)[0]))
        {
            text = nature.Trim() + text;
        }

        if (unit.Length > 0 && !value.EndsWith(unit, StringComparison.Ordinal) && char.IsAsciiDigit(ChineseText.Normalize(value)[^1]))
        {
            text += unit;
        }

        return text;
    }

    private static Direction? DirectionOf(string text) => ChineseText.Collapse(text) switch
    {
        "正向" or "正向指标" or "越高越好" or "越大越好" or "↑" => Direction.Up,
        "反向" or "反向指标" or "越低越好" or "越小越好" or "↓" => Direction.Down,
        "持平" or "保持" => Direction.Keep,
        "" => null,
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed class Pending(string name, ProjectAmounts amounts, string? goal, SourceLocation location)
    {
        public string Name { get; } = name;
        public ProjectAmounts Amounts { get; } = amounts;
        public string? Goal { get; } = goal;
        public SourceLocation Location { get; } = location;
        public List<Indicator> Indicators { get; } = [];
    }
}

using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;
using Jixiao.Domain.Text;
using Jixiao.Import.Imports;
using Jixiao.Import.Indicators;
using Jixiao.Import.Tables;
using Jixiao.Import.Text;

namespace Jixiao.Import.Forms;

/// <summary>
/// Layout 6, the single-project 项目支出绩效目标申报表 that counties publish on their websites, read as a sequence of
/// cells: one cell per line as it arrives when copied out of a web page (tab-separated rows work too, and an
/// Excel form is read cell by cell). Labels may be split over lines ("项目资金" / "（万元）", "年度" / "总体" / "目标",
/// "服务对象" / "满意度指标"); a label is recognised from up to four consecutive cells. After 一级指标 / 二级指标 /
/// 三级指标 / 指标值 the cells are categories (any spelling the taxonomy knows: 产出值, 数量值,
/// 社会公众或服务对象满意度指标) or 三级 name / value pairs; categories without indicators (blank rows) are skipped.
/// A file may hold several forms one after another.
/// </summary>
public static class DeclarationFormReader
{
    private enum Field
    {
        None,
        ProjectName,
        Department,
        Unit,
        FundsHeader,
        Total,
        Fiscal,
        FiscalSpecial,
        Other,
        Goal,
        PeriodGoal,
        AnnualGoal,
        Indicators,
        IndicatorHeader,
        Footer,
    }

    private static readonly Dictionary<string, Field> Labels = new(StringComparer.Ordinal)
    {
        ["项目名称"] = Field.ProjectName,
        ["主管部门"] = Field.Department,
        ["主管部门及代码"] = Field.Department,
        ["部门名称"] = Field.Department,
        ["实施单位"] = Field.Unit,
        ["项目实施单位"] = Field.Unit,
        ["预算单位"] = Field.Unit,
        ["项目资金(万元)"] = Field.FundsHeader,
        ["项目资金(元)"] = Field.FundsHeader,
        ["项目资金"] = Field.FundsHeader,
        ["资金情况(万元)"] = Field.FundsHeader,
        ["资金情况"] = Field.FundsHeader,
        ["年度资金总额"] = Field.Total,
        ["年度资金总额(万元)"] = Field.Total,
        ["资金总额"] = Field.Total,
        ["项目总金额"] = Field.Total,
        ["其中:财政拨款"] = Field.Fiscal,
        ["其中:财政资金"] = Field.Fiscal,
        ["财政拨款"] = Field.Fiscal,
        ["财政资金"] = Field.Fiscal,
        ["财政专户拨款"] = Field.FiscalSpecial,
        ["其他资金"] = Field.Other,
        ["总体目标"] = Field.Goal,
        ["年度总体目标"] = Field.AnnualGoal,
        ["年度目标"] = Field.AnnualGoal,
        ["年度绩效目标"] = Field.AnnualGoal,
        ["实施期目标"] = Field.PeriodGoal,
        ["实施期总目标"] = Field.PeriodGoal,
        ["中长期目标"] = Field.PeriodGoal,
        ["绩效指标"] = Field.Indicators,
        ["一级指标"] = Field.IndicatorHeader,
        ["二级指标"] = Field.IndicatorHeader,
        ["三级指标"] = Field.IndicatorHeader,
        ["指标值"] = Field.IndicatorHeader,
        ["年度指标值"] = Field.IndicatorHeader,
        ["填报人"] = Field.Footer,
        ["填表人"] = Field.Footer,
        ["联系电话"] = Field.Footer,
        ["填报日期"] = Field.Footer,
        ["单位负责人"] = Field.Footer,
        ["备注"] = Field.Footer,
    };

    private static string Key(string text) => ChineseText.Collapse(text);

    /// <summary>True when the first lines look like a 申报表: a cell "项目名称" on its own and the indicator header or a form title.</summary>
    public static bool IsFormStart(List<SourceLine> lines)
    {
        var sawName = false;
        var sawFormSign = false;
        foreach (var line in lines)
        {
            foreach (var cell in Cells(line))
            {
                var key = Key(cell.Text);
                sawName |= key == "项目名称";
                sawFormSign |= key is "一级指标" or "主管部门" or "实施单位" || key.Contains("申报表", StringComparison.Ordinal);
            }
        }

        return sawName && sawFormSign;
    }

    public static void Read(IEnumerable<SourceLine> lines, ImportContext context)
    {
        var cells = lines.SelectMany(Cells).Where(c => !c.IsBlank).ToList();
        new FormState(context, cells).Run();
    }

    private static IEnumerable<SourceLine> Cells(SourceLine line)
    {
        if (!line.Text.Contains('\t', StringComparison.Ordinal))
        {
            yield return line with { Text = line.Text.Trim() };
            yield break;
        }

        foreach (var part in line.Text.Split('\t'))
        {
            yield return line with { Text = part.Trim() };
        }
    }

    private sealed class FormState(ImportContext context, List<SourceLine> cells)
    {
        private FormProject? project;
        private string? unitName;
        private IndicatorCategory? level1;
        private IndicatorCategory? level2;
        private string? level1Text;
        private string? level2Text;
        private bool inIndicators;

        public void Run()
        {
            var i = 0;
            while (i < cells.Count)
            {
                if (TryLabel(i, out var field, out var span, out var unitInLabel))
                {
                    i += span;
                    i = OnLabel(field, i, unitInLabel, cells[i - span]);
                    continue;
                }

                if (inIndicators && TryCategory(i, out var category, out var text, out span))
                {
                    SetCategory(category, text);
                    i += span;
                    continue;
                }

                if (inIndicators && project is not null)
                {
                    i = ReadIndicator(i);
                    continue;
                }

                if (Preamble.TryRead(cells[i].Text) is { } facts)
                {
                    context.Apply(facts);
                    i++;
                    continue;
                }

                context.Report(Severity.Warning, ImportCodes.UnusedLine, context.At(cells[i]), $"申报表中的“{Shorten(cells[i].Text)}”未读取。");
                i++;
            }

            Finish();
        }

        private int OnLabel(Field field, int i, string? unitInLabel, SourceLine labelCell)
        {
            switch (field)
            {
                case Field.ProjectName:
                {
                    Finish();
                    var (value, next) = Value(i);
                    project = new FormProject(value.Length > 0 ? value : "（未注明项目）", context.At(labelCell));
                    inIndicators = false;
                    return next;
                }

                case Field.Department:
                {
                    var (value, next) = Value(i);
                    if (value.Length > 0)
                    {
                        context.Document(value, context.AmountUnit);
                    }

                    return next;
                }

                case Field.Unit:
                {
                    var (value, next) = Value(i);
                    if (value.Length > 0 && project is not null)
                    {
                        project.Unit = value;
                    }

                    return next;
                }

                case Field.FundsHeader:
                    if (unitInLabel is not null)
                    {
                        context.Document(null, unitInLabel == "元" ? MoneyUnit.Yuan : MoneyUnit.WanYuan);
                    }

                    return i;

                case Field.Total or Field.Fiscal or Field.FiscalSpecial or Field.Other:
                {
                    if (unitInLabel is not null)
                    {
                        context.Document(null, unitInLabel == "元" ? MoneyUnit.Yuan : MoneyUnit.WanYuan);
                    }

                    var (value, next) = Value(i, single: true);
                    if (project is not null)
                    {
                        var amount = ProjectRows.Amount(context, value, LabelName(field), project.Name, i < cells.Count ? context.At(cells[i]) : context.At(labelCell));
                        switch (field)
                        {
                            case Field.Total: project.Total = amount; break;
                            case Field.Fiscal: project.Fiscal = amount; break;
                            case Field.FiscalSpecial: project.FiscalSpecial = amount; break;
                            default: project.Other = amount; break;
                        }
                    }

                    return next;
                }

                case Field.Goal or Field.AnnualGoal or Field.PeriodGoal:
                {
                    var (value, next) = Value(i);
                    if (project is not null)
                    {
                        if (field == Field.PeriodGoal)
                        {
                            project.PeriodGoal = value;
                        }
                        else if (field == Field.AnnualGoal)
                        {
                            project.AnnualGoal = value;
                        }
                        else
                        {
                            project.Goal = value;
                        }
                    }

                    return next;
                }

                case Field.Indicators or Field.IndicatorHeader:
                    inIndicators = true;
                    return i;

                default:
                {
                    // 填报人 / 联系电话 …: the form's footer, reported so nothing disappears silently.
                    var (value, next) = Value(i, single: true);
                    context.Report(Severity.Info, ImportCodes.UnusedLine, context.At(labelCell),
                        $"申报表表尾“{labelCell.Text}{(value.Length > 0 ? "：" + value : "")}”未读取。");
                    inIndicators = false;
                    return next;
                }
            }
        }

        private int ReadIndicator(int i)
        {
            var nameCell = cells[i];
            var name = nameCell.Text;
            var next = i + 1;
            string? value = null;
            if (next < cells.Count && !TryLabel(next, out _, out _, out _) && !TryCategory(next, out _, out _, out _))
            {
                value = cells[next].Text;
                next++;
            }

            if (value is null)
            {
                context.Report(Severity.Warning, ImportCodes.TargetMissing, context.At(nameCell), $"指标“{name}”没有指标值。");
            }

            if (level1 is null && level2 is null)
            {
                context.Report(Severity.Warning, ImportCodes.CategoryUnknown, context.At(nameCell), $"指标“{name}”之前没有一级、二级指标。");
            }

            project!.Indicators.Add(new Indicator(level1, level2, name, null, value is null ? null : TargetParser.Parse(value),
                Level1Text: level1Text, Level2Text: level2Text, Number: project.Indicators.Count + 1, Location: context.At(nameCell)));
            return next;
        }

        private void SetCategory(IndicatorCategory category, string text)
        {
            if (category.Level == 1)
            {
                level1 = category;
                level1Text = text;
                level2 = null;
                level2Text = null;
            }
            else
            {
                var resolution = CategoryResolver.Resolve(level1Text is null ? null : new CategoryToken(null, level1Text), new CategoryToken(null, text));
                level1 = resolution.Level1 ?? level1;
                level2 = resolution.Level2 ?? category;
                level2Text = text;
            }
        }

        /// <summary>A category name in one to three cells ("服务对象" + "满意度指标"), longest first.</summary>
        private bool TryCategory(int i, out IndicatorCategory category, out string text, out int span)
        {
            for (span = Math.Min(3, cells.Count - i); span >= 1; span--)
            {
                text = string.Concat(cells.Skip(i).Take(span).Select(c => c.Text));
                // Under 产出指标, "成本指标" is its 二级 (14), not the 一级 成本指标 (4).
                var child = level1 is null ? null : IndicatorTaxonomy.Default.FindLevel2(text, level1);
                var found = child?.ParentCode == level1?.Code && child is not null
                    ? child
                    : IndicatorTaxonomy.Default.FindLevel1(text) ?? IndicatorTaxonomy.Default.FindLevel2(text, level1);
                if (found is not null)
                {
                    category = found;
                    return true;
                }
            }

            category = null!;
            text = "";
            span = 0;
            return false;
        }

        /// <summary>A label in one to four cells ("项目资金" + "（万元）"), longest first; the money unit in brackets is returned apart.</summary>
        private bool TryLabel(int i, out Field field, out int span, out string? unitInLabel)
        {
            for (span = Math.Min(4, cells.Count - i); span >= 1; span--)
            {
                var key = Key(string.Concat(cells.Skip(i).Take(span).Select(c => c.Text)));
                unitInLabel = key.EndsWith("(万元)", StringComparison.Ordinal) ? "万元" : key.EndsWith("(元)", StringComparison.Ordinal) ? "元" : null;
                if (Labels.TryGetValue(key, out field) || unitInLabel is not null && Labels.TryGetValue(key[..key.LastIndexOf('(')], out field))
                {
                    return true;
                }
            }

            field = Field.None;
            span = 0;
            unitInLabel = null;
            return false;
        }

        /// <summary>The cells up to the next label: the value of a field (joined: a goal wraps over several cells).</summary>
        private (string Value, int Next) Value(int i, bool single = false)
        {
            var parts = new List<string>();
            while (i < cells.Count && !TryLabel(i, out _, out _, out _))
            {
                parts.Add(cells[i].Text);
                i++;
                if (single)
                {
                    break;
                }
            }

            return (string.Concat(parts), i);
        }

        private void Finish()
        {
            if (project is null)
            {
                return;
            }

            var p = project;
            project = null;
            level1 = level2 = null;
            level1Text = level2Text = null;
            var unit = p.Unit ?? context.Department ?? "（未注明单位）";
            if (unit != unitName || !context.HasUnit)
            {
                unitName = unit;
                context.Unit(unit, null, p.Location);
            }

            if (p.Indicators.Count == 0)
            {
                context.Report(Severity.Warning, ImportCodes.ProjectIncomplete, p.Location, $"项目“{p.Name}”没有绩效指标。");
            }

            var goalText = p.AnnualGoal ?? p.Goal ?? p.PeriodGoal ?? "";
            if (goalText.Length == 0)
            {
                context.Report(Severity.Warning, ImportCodes.ProjectIncomplete, p.Location, $"项目“{p.Name}”没有绩效目标。");
            }

            context.Project(new Project(p.Name, context.FiscalYear, new ProjectAmounts(p.Total, p.Fiscal, p.FiscalSpecial, p.Other, context.AmountUnit),
                new PerformanceGoal(goalText, p.PeriodGoal, p.AnnualGoal), p.Indicators, p.Location));
        }

        private static string LabelName(Field field) => field switch
        {
            Field.Total => "年度资金总额",
            Field.Fiscal => "财政拨款",
            Field.FiscalSpecial => "财政专户拨款",
            _ => "其他资金",
        };
    }

    private sealed class FormProject(string name, SourceLocation location)
    {
        public string Name { get; } = name;
        public SourceLocation Location { get; } = location;
        public string? Unit { get; set; }
        public decimal? Total { get; set; }
        public decimal? Fiscal { get; set; }
        public decimal? FiscalSpecial { get; set; }
        public decimal? Other { get; set; }
        public string? Goal { get; set; }
        public string? PeriodGoal { get; set; }
        public string? AnnualGoal { get; set; }
        public List<Indicator> Indicators { get; } = [];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

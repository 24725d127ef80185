using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Text;
using Jixiao.Import.Imports;
using Jixiao.Import.Text;

namespace Jixiao.Import.Tables;

/// <summary>
/// Layout 1, the 项目支出绩效目标表 with one row per project: 项目名称（资金使用单位）/ 总计 / 财政拨款 / 财政专户拨款 /
/// 其他资金 / 绩效目标 / 绩效指标. Rows come from pipe text or a worksheet. A 合计 row states the table total; a row
/// with amounts but neither goal nor indicators is a unit (its subtotal); blank and "|---|" rows and repeated
/// (or empty) header blocks are skipped; a row without a name continues the project above (an Excel cell spilt
/// over several rows).
/// </summary>
public sealed class ProjectTableReader(ImportContext context)
{
    /// <summary>Column indexes; -1 when the table has no such column.</summary>
    public sealed record Columns(int Name, int Total, int Fiscal, int FiscalSpecial, int Other, int Goal, int Indicators)
    {
        public static Columns Standard { get; } = new(0, 1, 2, 3, 4, 5, 6);

        /// <summary>
        /// What reviewers read, where the table has it after its own columns (the product's export writes 项目编码,
        /// 项目总金额, 实施期目标, 政策依据, 测算依据 and 指标解释 — "1、…；2、…；" numbered as the indicators); -1 when absent.
        /// </summary>
        public int Code { get; init; } = -1;
        public int PeriodTotal { get; init; } = -1;
        public int PeriodGoal { get; init; } = -1;
        public int PolicyBasis { get; init; } = -1;
        public int CostBasis { get; init; } = -1;
        public int Explanations { get; init; } = -1;
    }

    private Columns? columns;
    private bool reportedMissingHeader;
    private Pending? pending;
    private bool sawData;

    /// <summary>Recognises the header row of this layout and returns its columns, or null.</summary>
    public static Columns? TryHeader(IReadOnlyList<string> cells)
    {
        int name = -1, total = -1, fiscal = -1, special = -1, other = -1, goal = -1, indicators = -1;
        int code = -1, periodTotal = -1, periodGoal = -1, policy = -1, cost = -1, explanations = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            var key = ChineseText.Collapse(cells[i]);
            if (key.Length == 0)
            {
                continue;
            }

            // The reviewer's columns are named exactly; none of these names holds a word of the layout's own columns.
            switch (key)
            {
                case "项目编码" or "项目代码" when code < 0:
                    code = i;
                    continue;
                case "项目总金额" when periodTotal < 0:
                    periodTotal = i;
                    continue;
                case "实施期目标" or "实施期总目标" when periodGoal < 0:
                    periodGoal = i;
                    continue;
                case "政策依据" or "立项依据" when policy < 0:
                    policy = i;
                    continue;
                case "测算依据" when cost < 0:
                    cost = i;
                    continue;
                case "指标解释" when explanations < 0:
                    explanations = i;
                    continue;
            }

            if (key.Contains("项目名称", StringComparison.Ordinal) && name < 0)
            {
                name = i;
            }
            else if ((key.Contains("总计", StringComparison.Ordinal) || key is "合计" or "资金总额" or "金额") && total < 0)
            {
                total = i;
            }
            else if (key.Contains("专户", StringComparison.Ordinal) && special < 0)
            {
                special = i;
            }
            else if (key.Contains("财政拨款", StringComparison.Ordinal) && fiscal < 0)
            {
                fiscal = i;
            }
            else if (key.Contains("其他资金", StringComparison.Ordinal) && other < 0)
            {
                other = i;
            }
            else if (key.Contains("绩效目标", StringComparison.Ordinal) && goal < 0)
            {
                goal = i;
            }
            else if (key.Contains("绩效指标", StringComparison.Ordinal) && indicators < 0)
            {
                indicators = i;
            }
        }

        return name >= 0 && indicators >= 0 && (total >= 0 || fiscal >= 0 || goal >= 0)
            ? new Columns(name, total, fiscal, special, other, goal, indicators)
            {
                Code = code, PeriodTotal = periodTotal, PeriodGoal = periodGoal, PolicyBasis = policy, CostBasis = cost, Explanations = explanations,
            }
            : null;
    }

    /// <summary>
    /// The second row of a two-row header ("资金情况" merged over "总计 | 财政拨款 | 财政专户拨款 | 其他资金"): fills in
    /// the amount columns the first row did not name. False when the row is not such a row.
    /// </summary>
    private bool TrySubHeader(TableRow row)
    {
        if (columns is null || sawData || row.Cell(columns.Name).Trim().Length > 0)
        {
            return false;
        }

        int Find(Func<string, bool> test)
        {
            for (var i = 0; i < row.Cells.Count; i++)
            {
                if (test(ChineseText.Collapse(row.Cells[i])))
                {
                    return i;
                }
            }

            return -1;
        }

        var total = Find(k => k.Contains("总计", StringComparison.Ordinal) || k is "合计" or "小计" or "资金总额");
        var special = Find(k => k.Contains("专户", StringComparison.Ordinal));
        var fiscal = Find(k => k.Contains("财政拨款", StringComparison.Ordinal));
        var other = Find(k => k.Contains("其他资金", StringComparison.Ordinal));
        if (total < 0 && fiscal < 0 && special < 0 && other < 0)
        {
            return false;
        }

        columns = columns with
        {
            Total = columns.Total >= 0 ? columns.Total : total,
            Fiscal = columns.Fiscal >= 0 ? columns.Fiscal : fiscal,
            FiscalSpecial = columns.FiscalSpecial >= 0 ? columns.FiscalSpecial : special,
            Other = columns.Other >= 0 ? columns.Other : other,
        };
        return true;
    }

    public bool HasHeader => columns is not null;

    public void Header(Columns header) => columns = header;

    public void Accept(TableRow row)
    {
        if (row.IsBlank || IsRule(row))
        {
            return;
        }

        if (TryHeader(row.Cells) is { } header)
        {
            columns ??= header;
            return;
        }

        if (TrySubHeader(row))
        {
            return;
        }

        var nonEmpty = row.Cells.Count(c => !string.IsNullOrWhiteSpace(c));
        if (nonEmpty == 1 && Preamble.TryRead(row.Text) is { } facts)
        {
            Flush();
            context.Apply(facts);
            return;
        }

        if (columns is null)
        {
            if (!reportedMissingHeader)
            {
                reportedMissingHeader = true;
                context.Report(Severity.Error, ImportCodes.NoHeader, row.Location,
                    "表格没有表头（项目名称、总计、财政拨款、财政专户拨款、其他资金、绩效目标、绩效指标），按这一标准列顺序读取，请核对。");
            }

            columns = Columns.Standard;
        }

        var c = columns;
        sawData = true;
        var name = row.Cell(c.Name).Trim();
        var goal = row.Cell(c.Goal).Trim();
        var indicatorCell = RemoveBreaks(row.Cell(c.Indicators));
        var hasAmounts = c.Total >= 0 && !string.IsNullOrWhiteSpace(row.Cell(c.Total))
            || c.Fiscal >= 0 && !string.IsNullOrWhiteSpace(row.Cell(c.Fiscal));

        if (name.Length == 0)
        {
            if (pending is not null && !hasAmounts && (goal.Length > 0 || indicatorCell.Length > 0))
            {
                pending.Goal += goal;
                if (indicatorCell.Length > 0)
                {
                    pending.Indicators.Append(indicatorCell, row.CellLocation(c.Indicators));
                }

                return;
            }

            context.Report(Severity.Warning, ImportCodes.UnusedLine, row.Location, $"这一行没有项目名称，未读取：“{Shorten(row.Text)}”。");
            return;
        }

        Flush();
        var amounts = new ProjectAmounts(
            Amount(row, c.Total, "总计", name),
            Amount(row, c.Fiscal, "财政拨款", name),
            Amount(row, c.FiscalSpecial, "财政专户拨款", name),
            Amount(row, c.Other, "其他资金", name),
            context.AmountUnit);

        if (ProjectRows.IsTotalName(name))
        {
            context.TableTotal(amounts.Total ?? amounts.SumOfSources, row.CellLocation(c.Name));
            return;
        }

        if (goal.Length == 0 && indicatorCell.Length == 0 && !ProjectRows.LooksLikeProject(name))
        {
            context.Unit(name, amounts.Total ?? (hasAmounts ? amounts.SumOfSources : null), row.CellLocation(c.Name));
            return;
        }

        pending = new Pending(name, amounts with { PeriodTotal = Amount(row, c.PeriodTotal, "项目总金额", name) }, goal, row.CellLocation(c.Name))
        {
            Code = Text(row, c.Code)?.Trim(),
            PeriodGoal = Text(row, c.PeriodGoal),
            PolicyBasis = Text(row, c.PolicyBasis),
            CostBasis = Text(row, c.CostBasis),
            Explanations = Text(row, c.Explanations),
        };
        if (indicatorCell.Length > 0)
        {
            pending.Indicators.Append(indicatorCell, row.CellLocation(c.Indicators));
        }
    }

    /// <summary>Emits the last project. Call after the last row.</summary>
    public void Flush()
    {
        if (pending is null)
        {
            return;
        }

        var p = pending;
        pending = null;
        var project = ProjectRows.Build(context, p.Name, p.Amounts, p.Goal, p.Indicators.Build(), p.Location);
        // The annual goal is the goal itself where a period goal is stated, as the reader of other layouts has it.
        context.Project(project with
        {
            Code = p.Code is { Length: > 0 } ? p.Code : null,
            PolicyBasis = p.PolicyBasis,
            CostBasis = p.CostBasis,
            Goal = p.PeriodGoal is null ? project.Goal : project.Goal with { PeriodGoal = p.PeriodGoal, AnnualGoal = project.Goal.Text },
            Indicators = p.Explanations is null ? project.Indicators : Explained(project.Indicators, p.Explanations),
        });
    }

    /// <summary>
    /// The indicators with their 指标解释 from a cell "1、…；2、…；" numbered as they are (an empty item: none). Each item
    /// runs to the next number's "；N、", so an explanation may itself hold a "；".
    /// </summary>
    private static IReadOnlyList<Indicator> Explained(IReadOnlyList<Indicator> indicators, string cell)
    {
        var text = cell.Trim();
        var explained = new List<Indicator>(indicators.Count);
        var start = 0;
        for (var k = 0; k < indicators.Count; k++)
        {
            var number = (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "、";
            if (!text.AsSpan(start).StartsWith(number, StringComparison.Ordinal))
            {
                explained.AddRange(indicators.Skip(k));
                break;
            }

            var from = start + number.Length;
            var next = k + 1 < indicators.Count ? text.IndexOf("；" + (k + 2).ToString(System.Globalization.CultureInfo.InvariantCulture) + "、", from, StringComparison.Ordinal) : -1;
            var end = next >= 0 ? next : text.EndsWith('；') ? text.Length - 1 : text.Length;
            var explanation = end > from ? text[from..end] : "";
            explained.Add(explanation.Trim().Length == 0 ? indicators[k] : indicators[k] with { Explanation = explanation });
            start = next >= 0 ? next + 1 : text.Length;
        }

        return explained;
    }

    private static string? Text(TableRow row, int column) => column >= 0 && row.Cell(column) is { } t && !string.IsNullOrWhiteSpace(t) ? t : null;

    private decimal? Amount(TableRow row, int column, string label, string name) =>
        column < 0 ? null : ProjectRows.Amount(context, row.Cell(column), label, name, row.CellLocation(column));

    private static bool IsRule(TableRow row) =>
        row.Cells.All(c => c.Trim().Trim(':', '-', ' ').Length == 0) && row.Cells.Any(c => c.Contains('-', StringComparison.Ordinal));

    private static string RemoveBreaks(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim()
            : text.Trim();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed class Pending(string name, ProjectAmounts amounts, string goal, SourceLocation location)
    {
        public string? Code { get; init; }
        public string? PeriodGoal { get; init; }
        public string? PolicyBasis { get; init; }
        public string? CostBasis { get; init; }
        public string? Explanations { get; init; }

        public string Name { get; } = name;
        public ProjectAmounts Amounts { get; } = amounts;
        public string Goal { get; set; } = goal;
        public SourceLocation Location { get; } = location;
        public LocatedText.Builder Indicators { get; } = new();
    }
}

using System.Text.RegularExpressions;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Reading;

/// <summary>
/// The form-and-tables reader behind every kind: walks the cells in reading order, fills form fields from labels,
/// and reads budget and indicator tables from their headers. A new 项目名称 after indicators starts a new project.
/// </summary>
internal sealed partial class FormTableReader(string file, List<List<Tok>> rows, ReadingVocabulary vocabulary, DocumentKind kind, List<Diagnostic> diagnostics)
{
    private readonly List<Tok> toks = Prepare(rows.SelectMany(r => r).ToList(), vocabulary);
    private readonly List<ProjectBuilder> projects = [];

    // The role of each column of the last header read, where the document has geometry (null for text).
    private Dictionary<int, ColumnRole>? headerColumns;
    private ProjectBuilder current = new();
    private string? docUnit;
    private decimal? statedTotal;
    private string? statedGrade;

    internal sealed record Result(IReadOnlyList<ReadProject> Projects, decimal? StatedTotal, string? StatedGrade);

    public Result Read()
    {
        docUnit = DetectMoneyUnit();
        var i = 0;
        while (i < toks.Count)
        {
            var t = toks[i];
            if (t.IsEmpty)
            {
                i++;
                continue;
            }

            if (IndicatorHeader(i) is { } header)
            {
                headerColumns = ColumnsOf(i, header.End, c => vocabulary.Column(c.Key));
                i = ReadIndicators(header.Roles, header.End);
                if (i >= toks.Count && current.Indicators.Count > 0)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, ReadingCodes.CutShort, new SourceLocation(toks[^1].Location),
                        $"文件在绩效指标表中结束（最后一行：“{Short(toks[^1].Text)}”），没有合计、审核意见或落款：文件可能不完整，请核对原件。"));
                }

                continue;
            }

            if (current.Indicators.Count == 0 && IsSectionLabel(t.Key) && i + 1 < toks.Count && (vocabulary.Category(toks[i + 1].Key) is not null || vocabulary.CategoryPrefix(toks[i + 1].Key) is not null))
            {
                // "年度绩效指标" then "产出指标", "质量指标:…": indicators without a header, each written as a sentence.
                i = ReadIndicatorRows(i + 1, [ColumnRole.Target], IsStream(i + 1), 1, 4);
                continue;
            }

            if (BudgetHeader(i) is { } budget)
            {
                headerColumns = ColumnsOf(i, budget.End, c => vocabulary.BudgetColumn(c.Key));
                i = ReadBudget(budget.Roles, budget.End, budget.Weight);
                headerColumns = null;
                continue;
            }

            i = ReadField(i);
        }

        Close();
        return new Result(projects.Select(p => p.Build(file)).ToList(), statedTotal, statedGrade);
    }

    /// <summary>
    /// Mends what copies break: a label cut over lines ("可持续影" + "响指标", "经济效益" + "指标") is joined when the
    /// pieces together make a vocabulary word that neither is alone; a header glued into one cell
    /// ("一级指标二级指标三级指标指标值") is split into its column labels.
    /// </summary>
    private static List<Tok> Prepare(List<Tok> list, ReadingVocabulary v)
    {
        var result = new List<Tok>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var t = list[i];
            if (!t.IsEmpty && i + 1 < list.Count && list[i + 1].Key is "指标" or "指标:" && IsWord(v, t.Key + "指标"))
            {
                // "经济效益" + "指标": a category whose 指标 wrapped onto the next line.
                result.Add(t with { Text = t.Text + "指标", Key = t.Key + "指标" });
                i++;
                continue;
            }

            if (!t.IsEmpty && t.Key.Length <= 8 && !IsWord(v, t.Key))
            {
                var joined = t;
                var used = 0;
                for (var n = 1; n <= 2 && i + n < list.Count; n++)
                {
                    var next = list[i + n];
                    if (next.IsEmpty || next.Key.Length > 8)
                    {
                        break;
                    }

                    var text = joined.Text + next.Text;
                    var key = joined.Key + next.Key;
                    if (IsWord(v, key))
                    {
                        joined = joined with { Text = text, Key = key };
                        used = n;
                        break;
                    }

                    joined = joined with { Text = text, Key = key };
                }

                if (used > 0)
                {
                    result.Add(joined);
                    i += used;
                    continue;
                }
            }

            if (t.Key.Length >= 8 && SplitGluedHeader(v, t.Key) is { Count: >= 3 } labels)
            {
                result.AddRange(labels.Select(l => t with { Text = l, Key = l }));
                continue;
            }

            result.Add(t);
        }

        return result;
    }

    private static bool IsWord(ReadingVocabulary v, string key) => v.Category(key) is not null || v.Column(key) is not null || v.BudgetColumn(key) is not null
        || v.Field(key) is { } f && f.Length == key.Length;

    /// <summary>"绩效指标一级指标二级指标指标内容指标值" → its labels, when the whole cell is made of column labels.</summary>
    private static List<string>? SplitGluedHeader(ReadingVocabulary v, string key)
    {
        var labels = new List<string>();
        var at = 0;
        if (key.StartsWith("绩效指标", StringComparison.Ordinal) && !key.StartsWith("绩效指标名称", StringComparison.Ordinal))
        {
            at = 4;
        }

        while (at < key.Length)
        {
            var found = 0;
            for (var len = Math.Min(12, key.Length - at); len >= 2; len--)
            {
                if (v.Column(key.Substring(at, len)) is not null || v.BudgetColumn(key.Substring(at, len)) is not null)
                {
                    found = len;
                    break;
                }
            }

            if (found == 0)
            {
                return null;
            }

            labels.Add(key.Substring(at, found));
            at += found;
        }

        return labels;
    }

    // ---------------------------------------------------------------- form fields

    private int ReadField(int i)
    {
        var t = toks[i];
        if (vocabulary.Field(t.Key) is not { } match)
        {
            return i + 1;
        }

        var field = match.Field;
        var rest = t.Key[match.Length..].TrimStart(':', '：').Trim();
        var label = t.Key[..match.Length];
        if (label.Contains("(万元)", StringComparison.Ordinal))
        {
            docUnit ??= "万元";
        }

        var next = i + 1;
        string? value = null;
        Tok at = t;
        if (rest.Length > 0)
        {
            value = CutAtNextLabel(rest, out var tail);
            if (tail is not null)
            {
                // "项目主管部门青山区教育局项目执行单位化工区学校": the rest holds the next label and its value.
                toks.Insert(i + 1, t with { Text = tail, Key = ReadingText.Key(tail) });
            }
        }
        else
        {
            for (var k = i + 1; k < toks.Count && k <= i + 4; k++)
            {
                var n = toks[k];
                if (n.IsEmpty)
                {
                    continue;
                }

                if (vocabulary.Field(n.Key) is not null || vocabulary.Column(n.Key) is not null || vocabulary.BudgetColumn(n.Key) is not null
                    || n.Key.EndsWith(':') || n.Key.Contains("(签名)", StringComparison.Ordinal) || n.Key.Contains("(盖章)", StringComparison.Ordinal))
                {
                    break;
                }

                if (IsMoneyField(field) && MoneyOf(n.Text) is null)
                {
                    continue;
                }

                value = n.Text;
                at = n;
                next = k + 1;
                break;
            }
        }

        if (value is null)
        {
            return next;
        }

        // "总分 | 100 | 92": the 分值 column's 100, then the 得分 the form states.
        if (field == FormField.StatedTotal && ReadingText.Number(value) == 100 && next < toks.Count && toks[next].Row == at.Row
            && ReadingText.Number(toks[next].Text) is { } score && score <= 100)
        {
            value = toks[next].Text;
            at = toks[next];
            next++;
        }

        Set(field, value, at, match.Length);
        return next;
    }

    private string CutAtNextLabel(string rest, out string? tail)
    {
        tail = null;
        // Labels are short: each position is tried with the next 24 characters, and only the first 400 positions.
        for (var p = 2; p < rest.Length - 1 && p < 400; p++)
        {
            if (vocabulary.Field(rest.Substring(p, Math.Min(24, rest.Length - p))) is { } m && m.Length >= 4)
            {
                tail = rest[p..];
                return rest[..p];
            }
        }

        return rest;
    }

    private static bool IsMoneyField(FormField f) => f is FormField.AnnualAmount or FormField.PeriodAmount or FormField.Fiscal or FormField.Other or FormField.CarryOver;

    private void Set(FormField field, string value, Tok at, int labelLength)
    {
        switch (field)
        {
            case FormField.ProjectName:
            case FormField.DepartmentName:
                if (current.Name is not null && (current.Indicators.Count > 0 || current.Amount is not null) && ReadingText.Key(value) != ReadingText.Key(current.Name))
                {
                    Close();
                }

                current.Name ??= CleanName(value);
                current.Location ??= at.Location;
                break;
            case FormField.Unit:
                if (current.Unit is null || labelLength > current.UnitLabelLength)
                {
                    current.Unit = value;
                    current.UnitLabelLength = labelLength;
                }

                break;
            case FormField.Department:
                current.Department ??= value;
                break;
            case FormField.ProjectCode:
                current.Code ??= value;
                break;
            case FormField.AnnualAmount:
                if (MoneyOf(value) is { } amount)
                {
                    var wan = ToWan(amount);
                    if (current.Amount is null || (current.Amount == 0 && wan != 0))
                    {
                        current.Amount = wan;
                    }
                }

                break;
            case FormField.PeriodAmount:
                if (MoneyOf(value) is { } period)
                {
                    current.PeriodAmount ??= ToWan(period);
                }

                break;
            case FormField.Goal:
                current.Goal ??= value;
                break;
            case FormField.PeriodGoal:
                current.PeriodGoal ??= value;
                break;
            case FormField.PolicyBasis:
                current.PolicyBasis ??= value;
                break;
            case FormField.CostBasis:
                current.CostBasis ??= value;
                break;
            case FormField.StatedTotal:
                if (ReadingText.Number(Regex.Replace(value, "分$", "")) is { } total && total is >= 0 and <= 1000)
                {
                    statedTotal ??= total;
                }

                break;
            case FormField.Grade:
                statedGrade ??= GradeOf(value);
                break;
            default:
                break;
        }
    }

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static string? GradeOf(string value)
    {
        var m = GradeWord().Match(value);
        return m.Success ? m.Value[..1] : null;
    }

    /// <summary>A name as written, without a trailing colon or the form's stamp or signature note ("平泉市人民检察院 (公章)").</summary>
    private static string CleanName(string value)
    {
        var name = value.Trim().TrimEnd(':', '：');
        var stamp = StampNote().Match(name);
        return stamp.Success && stamp.Index > 0 ? name[..stamp.Index].TrimEnd() : name;
    }

    [GeneratedRegex(@"\s*[(（]\s*(?:公章|盖章|签章|印章|签字|签名|章)\s*[)）]$")]
    private static partial Regex StampNote();

    // ---------------------------------------------------------------- money

    private sealed record Money(decimal Value, string? Unit);

    private static Money? MoneyOf(string text)
    {
        var t = text.Trim().TrimEnd('。', ';', ',');
        var m = MoneyText().Match(t);
        if (!m.Success)
        {
            return null;
        }

        var number = ReadingText.Number(m.Groups["n"].Value);
        return number is null ? null : new Money(number.Value, m.Groups["u"].Success && m.Groups["u"].Length > 0 ? m.Groups["u"].Value : null);
    }

    private decimal ToWan(Money money)
    {
        var unit = money.Unit ?? docUnit ?? "万元";
        return unit == "元" ? money.Value / 10000m : unit == "亿元" ? money.Value * 10000m : money.Value;
    }

    private string? DetectMoneyUnit()
    {
        foreach (var t in toks.Take(400))
        {
            var k = t.Key;
            if (k.Contains("金额单位:万元", StringComparison.Ordinal) || k.Contains("单位:万元", StringComparison.Ordinal))
            {
                return "万元";
            }

            if (k.Contains("金额单位:元", StringComparison.Ordinal) || k.Contains("单位:元", StringComparison.Ordinal))
            {
                return "元";
            }
        }

        return null;
    }

    // ---------------------------------------------------------------- budget table (self-evaluation)

    private (List<ColumnRole> Roles, int End, decimal? Weight)? BudgetHeader(int i)
    {
        var roles = new List<ColumnRole>();
        decimal? weight = null;
        var k = i;
        var skipped = 0;
        while (k < toks.Count)
        {
            var t = toks[k];
            if (t.IsEmpty)
            {
                k++;
                continue;
            }

            if (vocabulary.BudgetColumn(t.Key) is { } role && !(role == ColumnRole.Score && roles.Count == 0) && !(role == ColumnRole.Weight && roles.Count == 0))
            {
                roles.Add(role);
                if (role == ColumnRole.Score && ScoreRule().Match(t.Key) is { Success: true } sr)
                {
                    weight ??= ReadingText.Number(sr.Groups[1].Value);
                }

                k++;
                continue;
            }

            // The label before the header: "预算执行情况(万元)(20分)", "项目资金(万元)".
            if (roles.Count == 0 && skipped < 2 && (t.Key.StartsWith("预算执行", StringComparison.Ordinal) || t.Key.StartsWith("项目资金", StringComparison.Ordinal) || t.Key.StartsWith("资金情况", StringComparison.Ordinal) || t.Key.StartsWith("(万元)", StringComparison.Ordinal) || t.Key.StartsWith("(20分)", StringComparison.Ordinal)))
            {
                if (BlockScore().Match(t.Key) is { Success: true } bs)
                {
                    weight = ReadingText.Number(bs.Groups[1].Value);
                }

                if (t.Key.Contains("万元", StringComparison.Ordinal))
                {
                    docUnit ??= "万元";
                }

                skipped++;
                k++;
                continue;
            }

            break;
        }

        if (roles.Count >= 2 && roles.Contains(ColumnRole.Executed) && (roles.Contains(ColumnRole.Budget) || roles.Contains(ColumnRole.BudgetStart)))
        {
            return (roles, k, weight);
        }

        return null;
    }

    private int ReadBudget(List<ColumnRole> roles, int i, decimal? blockWeight)
    {
        decimal?[]? total = null;
        string? totalRate = null;
        Tok? totalTok = null;
        var parts = new List<decimal?[]>();
        while (i < toks.Count)
        {
            var t = toks[i];
            if (t.IsEmpty)
            {
                i++;
                continue;
            }

            var bare = ReadingVocabulary.Bare(t.Key);
            var isTotal = vocabulary.IsBudgetTotalRow(t.Key) || StartsWithAny(t.Key, "年度资金总额", "年度财政资金总额");
            var isPart = !isTotal && (vocabulary.IsBudgetPartRow(t.Key) || bare.StartsWith("其中", StringComparison.Ordinal));
            if (!isTotal && !isPart)
            {
                break;
            }

            // The values of the row: the rest of the label's cell and the cells after it up to the next label.
            var values = new List<string>();
            var rest = t.Key.Contains(':', StringComparison.Ordinal) && isTotal ? t.Key[(t.Key.IndexOf(':', StringComparison.Ordinal) + 1)..] : "";
            if (rest.Length > 0)
            {
                values.Add(rest);
            }

            var k = i + 1;
            while (k < toks.Count && (toks[k].IsEmpty || IsBudgetValue(toks[k].Key)))
            {
                if (!toks[k].IsEmpty)
                {
                    values.Add(toks[k].Key);
                }

                k++;
            }

            var assigned = ByColumn(i + 1, k) is { } placed && headerColumns is not null
                ? BudgetByColumn(roles, placed, headerColumns)
                : AlignBudget(roles, values, blockWeight);
            if (isTotal && total is null)
            {
                total = assigned.Numbers;
                totalRate = assigned.Rate;
                totalTok = t;
            }
            else
            {
                parts.Add(assigned.Numbers);
            }

            i = k;
        }

        if (total is not null)
        {
            var budgetIndex = roles.IndexOf(ColumnRole.Budget) is >= 0 and var b ? b : roles.IndexOf(ColumnRole.BudgetStart);
            var execIndex = roles.IndexOf(ColumnRole.Executed);
            var weightIndex = roles.IndexOf(ColumnRole.Weight);
            var scoreIndex = roles.IndexOf(ColumnRole.Score);
            var budget = total[budgetIndex];
            var executed = execIndex >= 0 ? total[execIndex] : null;
            var statedBudget = budget;
            var statedExecuted = executed;
            var allZero = (budget ?? 0) == 0 && (executed ?? 0) == 0;
            var part = parts.FirstOrDefault(p => (p[budgetIndex] ?? 0) != 0);
            current.BudgetTotalRow = (total, roles, totalTok!.Location);
            if (allZero && part is not null)
            {
                current.BudgetPartRow = part;
                budget = part[budgetIndex];
                executed = execIndex >= 0 ? part[execIndex] : null;
            }

            if (budget is { } bv)
            {
                current.Amount = ToWan(new Money(bv, null));
            }

            if (executed is { } ev)
            {
                current.Executed = ToWan(new Money(ev, null));
            }

            var weight = weightIndex >= 0 ? total[weightIndex] : blockWeight;
            current.BudgetLine = new BudgetLine(ReadingVocabulary.Bare(totalTok.Key), weight, totalRate, scoreIndex >= 0 ? total[scoreIndex] : null,
                statedBudget is { } sb ? ToWan(new Money(sb, null)) : null, statedExecuted is { } se ? ToWan(new Money(se, null)) : null, totalTok.Location);
        }

        return i;
    }

    /// <summary>The columns of a header's cells, where they have geometry; null for text or a header spread over rows.</summary>
    private Dictionary<int, ColumnRole>? ColumnsOf(int from, int to, Func<Tok, ColumnRole?> role)
    {
        var map = new Dictionary<int, ColumnRole>();
        int? row = null;
        for (var k = from; k < to; k++)
        {
            var t = toks[k];
            if (t.IsEmpty || role(t) is not { } r)
            {
                continue;
            }

            if (t.Column < 0 || row is not null && t.Row != row)
            {
                return null;
            }

            row = t.Row;
            for (var c = t.Column; c < t.Column + Math.Max(1, t.ColumnSpan); c++)
            {
                map[c] = r;
            }
        }

        return map.Count >= 2 ? map : null;
    }

    /// <summary>The cells from <paramref name="from"/> to <paramref name="to"/> with their columns, when all have one.</summary>
    private List<Tok>? ByColumn(int from, int to)
    {
        var cells = new List<Tok>();
        for (var k = from; k < to; k++)
        {
            if (toks[k].IsEmpty)
            {
                continue;
            }

            if (toks[k].Column < 0)
            {
                return null;
            }

            cells.Add(toks[k]);
        }

        return cells;
    }

    private static BudgetValues BudgetByColumn(List<ColumnRole> roles, List<Tok> cells, Dictionary<int, ColumnRole> columns)
    {
        var numbers = new decimal?[roles.Count];
        string? rate = null;
        foreach (var c in cells)
        {
            if (RoleAt(columns, c) is not { } role || roles.IndexOf(role) is var at && at < 0)
            {
                continue;
            }

            if (role == ColumnRole.Rate)
            {
                rate = c.Key;
                numbers[at] = ReadingText.Percent(c.Key) ?? ReadingText.Number(c.Key);
            }
            else
            {
                numbers[at] = ReadingText.Number(c.Key.TrimEnd('分'));
            }
        }

        return new BudgetValues(numbers, rate);
    }

    private static ColumnRole? RoleAt(Dictionary<int, ColumnRole> columns, Tok t)
    {
        for (var c = t.Column; c < t.Column + Math.Max(1, t.ColumnSpan); c++)
        {
            if (columns.TryGetValue(c, out var role))
            {
                return role;
            }
        }

        return null;
    }

    private static bool StartsWithAny(string key, params string[] prefixes) => prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));

    private static bool IsBudgetValue(string key) => key is "-" or "—" or "/" || BudgetNumber().IsMatch(key);

    private sealed record BudgetValues(decimal?[] Numbers, string? Rate);

    /// <summary>
    /// Puts a budget row's values in their columns. With as many values as columns they go in order; with fewer, the
    /// one assignment (keeping their order) that fits the columns' types and sums is chosen: amounts ≥ 0, 分值 ≤ 100,
    /// 执行率 a percentage or the printed quotient, 得分 ≤ 分值; a tie keeps the values to the left.
    /// </summary>
    private static BudgetValues AlignBudget(List<ColumnRole> roles, List<string> values, decimal? blockWeight)
    {
        var numbers = new decimal?[roles.Count];
        string? rate = null;
        var vals = values.Where(v => v is not ("-" or "—" or "/")).ToList();
        if (vals.Count == 0)
        {
            return new BudgetValues(numbers, null);
        }

        var best = -1.0;
        int[]? bestPick = null;
        foreach (var pick in Combinations(roles.Count, Math.Min(vals.Count, roles.Count)))
        {
            var score = 0.0;
            for (var v = 0; v < pick.Length; v++)
            {
                score += Fit(roles[pick[v]], vals[v]);
            }

            // Prefer leaving the 执行率 (often not printed) and the later columns empty.
            for (var v = 0; v < pick.Length; v++)
            {
                score -= pick[v] * 0.001;
            }

            if (score > best)
            {
                best = score;
                bestPick = pick;
            }
        }

        for (var v = 0; v < bestPick!.Length; v++)
        {
            var role = roles[bestPick[v]];
            if (role == ColumnRole.Rate)
            {
                rate = vals[v];
                numbers[bestPick[v]] = ReadingText.Percent(vals[v]) ?? ReadingText.Number(vals[v]);
            }
            else
            {
                numbers[bestPick[v]] = ReadingText.Number(vals[v].TrimEnd('分'));
            }
        }

        _ = blockWeight;
        return new BudgetValues(numbers, rate);

        static double Fit(ColumnRole role, string v)
        {
            var pct = ReadingText.Percent(v);
            var n = ReadingText.Number(v.TrimEnd('分'));
            return role switch
            {
                ColumnRole.Rate => pct is not null ? 2 : n is >= 0 and <= 1 ? 0.5 : 0,
                ColumnRole.Weight => n is > 0 and <= 100 && pct is null ? 1 : 0,
                ColumnRole.Score => n is >= 0 and <= 100 && pct is null ? 1 : 0,
                _ => n is >= 0 && pct is null ? 1 : 0,
            };
        }
    }

    /// <summary>Every increasing choice of <paramref name="k"/> positions out of <paramref name="n"/>.</summary>
    internal static IEnumerable<int[]> Combinations(int n, int k)
    {
        var pick = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])pick.Clone();
            var i = k - 1;
            while (i >= 0 && pick[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            pick[i]++;
            for (var j = i + 1; j < k; j++)
            {
                pick[j] = pick[j - 1] + 1;
            }
        }
    }

    // ---------------------------------------------------------------- indicator table

    private (List<ColumnRole> Roles, int End)? IndicatorHeader(int i)
    {
        var roles = new List<ColumnRole>();
        var k = i;
        var lead = 0;
        while (k < toks.Count)
        {
            var t = toks[k];
            if (t.IsEmpty)
            {
                k++;
                continue;
            }

            if (vocabulary.Column(t.Key) is { } role)
            {
                // "得分" or "分值" alone is a budget or total label, not an indicator header.
                roles.Add(role);
                k++;
                continue;
            }

            // Section labels before or inside the header: 绩效指标, 年度绩效指标, 年度绩效指标完成情况, 绩效项目指标表.
            if (roles.Count == 0 && lead < 3 && IsSectionLabel(t.Key))
            {
                lead++;
                k++;
                continue;
            }

            break;
        }

        var hasName = roles.Contains(ColumnRole.Name);
        var values = roles.Count(r => r is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Weight or ColumnRole.Score or ColumnRole.PeriodTarget);
        if (hasName && values >= 1 && roles.Count >= 2 || roles.Contains(ColumnRole.Level1) && roles.Contains(ColumnRole.Level2) && roles.Count >= 3)
        {
            return (roles, k);
        }

        return null;
    }

    private static bool IsSectionLabel(string key) =>
        key is "绩效指标" or "年度绩效指标" or "绩效指标完成情况" or "年度绩效指标完成情况" or "绩效项目指标表" or "部门整体支出年度绩效指标" or "指标"
        || key.StartsWith("年度绩效指标", StringComparison.Ordinal) || key.StartsWith("绩效指标", StringComparison.Ordinal) && key.Length <= 8;

    private int ReadIndicators(List<ColumnRole> header, int start)
    {
        // The value columns after the name, in order; a table of two column groups (中期 | 年度) keeps the last.
        var nameAt = header.LastIndexOf(ColumnRole.Name);
        var firstName = header.IndexOf(ColumnRole.Name);
        var groups = firstName != nameAt ? 2 : 1;
        var valueRoles = (nameAt >= 0 ? header.Skip(nameAt + 1) : [ColumnRole.Target]).Where(r => r is not (ColumnRole.Level1 or ColumnRole.Level2)).ToList();
        var stream = IsStream(start);
        if (stream && TryChunked(header, start, out var end))
        {
            return end;
        }

        return ReadIndicatorRows(start, valueRoles, stream, groups, header.Count);
    }

    /// <summary>Reads indicator rows with the given value columns until a stop word, a form label or a new header.</summary>
    private int ReadIndicatorRows(int start, List<ColumnRole> valueRoles, bool stream, int groups, int width)
    {
        var columns = headerColumns;
        headerColumns = null;
        var i = start;
        var row = -1;
        string? level1 = null;
        string? level2 = null;
        PendingIndicator? pending = null;
        var categorySincePending = false;
        while (i < toks.Count)
        {
            var t = toks[i];
            if (t.IsEmpty)
            {
                i++;
                continue;
            }

            if (vocabulary.IsStop(t.Key) || EndsTable(t.Key))
            {
                break;
            }

            if (i > start && (IndicatorHeader(i) is not null || BudgetHeader(i) is not null))
            {
                break;
            }

            var newRow = t.Row != row;
            row = t.Row;

            if (columns is not null && t.Column >= 0 && RoleAt(columns, t) is { } placedRole)
            {
                // A table with geometry: each cell's column says what it is.
                switch (placedRole)
                {
                    case ColumnRole.Level1:
                        level1 = BlockScoreSuffix().Replace(ReadingText.Squeeze(t.Text), "");
                        level2 = null;
                        break;
                    case ColumnRole.Level2:
                        level2 = BlockScoreSuffix().Replace(ReadingText.Squeeze(t.Text), "");
                        if (level1 is null || ParentOf(level2) is { } parent && Family(level1) is { } fam && fam != Family(parent) && !(Family(level2) is "满意度" && fam == "效益"))
                        {
                            level1 = ParentOf(level2) ?? level1;
                        }

                        break;
                    case ColumnRole.Name:
                        if (pending is not null && !(groups == 2 && pending.Row == t.Row))
                        {
                            Flush(pending, valueRoles);
                        }

                        pending = new PendingIndicator(level1, level2, t.Text, t.Location, t.Row);
                        break;
                    default:
                        if (pending is not null && pending.Row == t.Row)
                        {
                            pending.ByRole[placedRole] = t.Text;
                        }
                        else
                        {
                            diagnostics.Add(new Diagnostic(Severity.Warning, ReadingCodes.UnplacedCell, new SourceLocation(t.Location),
                                $"单元格“{Short(t.Text)}”在指标表的“{placedRole}”列，但这一行没有指标名称，未能归入任何指标。"));
                        }

                        break;
                }

                i++;
                continue;
            }

            // Categories open blocks: a cell that is a category name, or starts with one ("质量指标:…", a glued row).
            var key = t.Key;
            var text = t.Text;
            var peeled = false;
            while (key.Length > 0)
            {
                if (BlockScoreOnly().IsMatch(key))
                {
                    key = "";
                    break;
                }

                if (vocabulary.Category(key) is { } exact)
                {
                    ResolveCategory(exact, text, i, ref level1, ref level2);
                    key = "";
                    peeled = true;
                    break;
                }

                if ((newRow || pending is null || categorySincePending) && LooksLikeCategory(key, i))
                {
                    // "社会效益效益指标", "服务对象满意度指标" in a spelling the vocabulary lacks, followed by a name.
                    ResolveCategory(Family(key) is "产出" && key.Contains("产出", StringComparison.Ordinal) && !key.Contains("数量", StringComparison.Ordinal) ? CategoryLevel.Level1 : CategoryLevel.Level2, text, i, ref level1, ref level2);
                    key = "";
                    peeled = true;
                    break;
                }

                if (vocabulary.CategoryPrefix(key) is { } prefix && prefix.Length < key.Length && (newRow || pending is null || categorySincePending || key[prefix.Length] == ':'))
                {
                    ResolveCategory(prefix.Level, key[..prefix.Length], -1, ref level1, ref level2);
                    key = key[prefix.Length..].TrimStart(':');
                    text = key;
                    peeled = true;
                    continue;
                }

                break;
            }

            if (peeled)
            {
                categorySincePending = true;
            }

            if (key.Length == 0)
            {
                i++;
                continue;
            }

            // A row far longer than the header (a whole form on one line) is read as a stream of cells.
            var streamHere = stream || rows[t.Row].Count(x => !x.IsEmpty) > width + 2;
            if (pending is not null && !newRow && categorySincePending && groups == 2 && pending.Row == t.Row && !streamHere)
            {
                // The second (annual) group of a row replaces the first (中期) group.
                pending = null;
            }

            bool startsIndicator;
            if (pending is null)
            {
                startsIndicator = true;
            }
            else if (streamHere)
            {
                // Complete when its required columns are filled (a trailing reason is rarely written), or when text
                // follows a number: the numbers (分值, 得分) come last, so text after them is the next name.
                startsIndicator = categorySincePending || pending.Values.Count >= Required(valueRoles)
                    || pending.Values.Count > 0 && ReadingText.Number(ReadingText.Key(pending.Values[^1])) is not null && !LooksLikeValue(key);
            }
            else
            {
                startsIndicator = newRow || categorySincePending;
                if (newRow && !peeled && rows[t.Row].Count(x => !x.IsEmpty) == 1 && pending.Values.Count < valueRoles.Count && LooksLikeValue(key))
                {
                    // A value wrapped onto a line of its own.
                    startsIndicator = false;
                }

            }

            if (startsIndicator || pending is null)
            {
                if (pending is not null)
                {
                    Flush(pending, valueRoles);
                }

                pending = new PendingIndicator(level1, level2, text, t.Location, t.Row);
                categorySincePending = false;
                var alone = rows[t.Row].Count(x => !x.IsEmpty) == 1;
                if (alone && valueRoles.Contains(ColumnRole.Weight) && GluedTargetAndWeight(text, valueRoles.Contains(ColumnRole.Target)) is { } withWeight)
                {
                    // A whole row glued into one cell, "享受资助人数达到预计值210010": name, target and 分值 in one.
                    Flush(pending, valueRoles);
                    pending = null;
                }
                else if ((streamHere || alone) && valueRoles.FirstOrDefault(r => r is not (ColumnRole.Ignore or ColumnRole.Explanation)) == ColumnRole.Target && SplitTrailingTarget(text) is { } glued)
                {
                    // A glued cell "农村义务教育学校改造覆盖率100%": its name and its target.
                    pending.Name = glued.Name;
                    pending.Values.Add(glued.Target);
                    if (alone)
                    {
                        Flush(pending, valueRoles);
                        pending = null;
                    }
                }
            }
            else
            {
                pending!.Values.Add(text);
            }

            i++;
        }

        if (pending is not null)
        {
            Flush(pending, valueRoles);
        }

        return i;
    }

    /// <summary>
    /// A form label ends an indicator table only when it is the whole cell, or a label with its number ("总分 98",
    /// "合计:100"); an indicator named "年度预算执行率" starts with the label 年度预算 and is still an indicator.
    /// </summary>
    private bool EndsTable(string key)
    {
        if (vocabulary.Field(key) is not { } f || f.Field == FormField.Goal || vocabulary.Category(key) is not null || vocabulary.CategoryPrefix(key) is not null)
        {
            return false;
        }

        var rest = key[f.Length..].TrimStart(':');
        return rest.Length == 0 || ReadingText.Number(rest.TrimEnd('分')) is not null;
    }

    private static int Required(List<ColumnRole> roles)
    {
        var last = roles.FindLastIndex(r => r is ColumnRole.Weight or ColumnRole.Score);
        return last >= 0 ? last + 1 : roles.Count(r => r is not (ColumnRole.Reason or ColumnRole.Ignore or ColumnRole.Explanation));
    }

    private static bool LooksLikeValue(string key) => ReadingText.Number(key) is not null || ReadingText.Percent(key) is not null || ValueLike().IsMatch(key);

    /// <summary>
    /// Sets the 一级 or 二级 of the rows that follow. A name that is an 一级 in one template and a 二级 in another
    /// (成本指标, 满意度指标) is an 一级 when a 二级 follows it, else a 二级 of the current block. A 二级 of another
    /// family than the current 一级 (社会效益 after 产出) moves the 一级 to its family, as when the 一级 cell is lost.
    /// </summary>
    private void ResolveCategory(CategoryLevel level, string text, int index, ref string? level1, ref string? level2)
    {
        var name = BlockScoreSuffix().Replace(ReadingText.Squeeze(text).TrimEnd(':', '：'), "");
        if (vocabulary.IsAmbiguous(ReadingText.Key(name)))
        {
            var nextIsLevel2 = index >= 0 && NextCategory(index) == CategoryLevel.Level2;
            level = nextIsLevel2 || (level1 is null && level == CategoryLevel.Level1 && index < 0) ? CategoryLevel.Level1 : CategoryLevel.Level2;
            if (level == CategoryLevel.Level2 && level1 is not null && Family(level1) is { } f && f != Family(name) && Family(name) is "成本" && f is not "产出")
            {
                level = CategoryLevel.Level1;
            }
        }

        if (level == CategoryLevel.Level1)
        {
            level1 = name;
            level2 = null;
            return;
        }

        level2 = name;
        var parent = ParentOf(name);
        if (level1 is null || (parent is not null && Family(level1) is { } family && family != Family(parent) && !(Family(name) is "满意度" && family == "效益")))
        {
            level1 = parent ?? level1;
        }
    }

    private bool LooksLikeCategory(string key, int index) =>
        key.Length is >= 4 and <= 12 && key.EndsWith("指标", StringComparison.Ordinal) && Family(key) is not null
        && index + 1 < toks.Count && !toks[index + 1].IsEmpty && vocabulary.Category(toks[index + 1].Key) is null && !LooksLikeValue(toks[index + 1].Key);

    private CategoryLevel? NextCategory(int index)
    {
        for (var k = index + 1; k < toks.Count && k <= index + 3; k++)
        {
            if (toks[k].IsEmpty || BlockScoreOnly().IsMatch(toks[k].Key))
            {
                continue;
            }

            return vocabulary.Category(toks[k].Key) ?? (vocabulary.CategoryPrefix(toks[k].Key) is { } p ? p.Level : null);
        }

        return null;
    }

    private static string? Family(string name)
    {
        var k = ReadingText.Key(name);
        return k.Contains("产出", StringComparison.Ordinal) || StartsWithAny(k, "数量", "质量", "时效") ? "产出"
            : k.Contains("效益", StringComparison.Ordinal) || k.Contains("效果", StringComparison.Ordinal) || k.Contains("影响", StringComparison.Ordinal) ? "效益"
            : k.Contains("满意", StringComparison.Ordinal) ? "满意度"
            : k.Contains("成本", StringComparison.Ordinal) ? "成本"
            : null;
    }

    private static string? ParentOf(string level2)
    {
        var k = ReadingText.Key(level2);
        if (StartsWithAny(k, "数量", "质量", "时效", "成本", "产出"))
        {
            return "产出指标";
        }

        if (k.Contains("效益", StringComparison.Ordinal) || k.Contains("影响", StringComparison.Ordinal))
        {
            return "效益指标";
        }

        return k.Contains("满意", StringComparison.Ordinal) ? "满意度指标" : null;
    }

    private sealed class PendingIndicator(string? level1, string? level2, string name, string location, int row)
    {
        public int Row { get; } = row;
        public string? Level1 { get; } = level1;
        public string? Level2 { get; } = level2;
        public string Name { get; set; } = name;
        public string Location { get; } = location;
        public List<string> Values { get; } = [];

        /// <summary>Values placed by their column (tables with geometry).</summary>
        public Dictionary<ColumnRole, string> ByRole { get; } = [];
    }

    private PendingIndicator? Flush(PendingIndicator p, List<ColumnRole> roles)
    {
        var assigned = p.ByRole.Count > 0 ? p.ByRole : AlignIndicator(roles, p.Values);
        string? Get(ColumnRole r) => assigned.TryGetValue(r, out var v) ? v : null;
        var target = Get(ColumnRole.Target);
        if (Get(ColumnRole.Comparator) is { } comparator && comparator.Length <= 2 && target is not null && !comparator.Contains('定', StringComparison.Ordinal))
        {
            target = comparator + target;
        }

        if (Get(ColumnRole.TargetUnit) is { } unit && target is not null && ReadingText.Number(target.TrimStart('≥', '≤', '>', '<', '=')) is not null)
        {
            target += unit;
        }

        var name = p.Name;
        decimal? gluedWeight = null;
        if (p.Values.Count == 0 && roles.Contains(ColumnRole.Weight) && GluedTargetAndWeight(name, roles.Contains(ColumnRole.Target)) is { } tw)
        {
            // "资金支出率达到目标值95%10" under 目标值 | 分值: the one split that gives a target and a 分值.
            name = tw.Name;
            target = tw.Target;
            gluedWeight = tw.Weight;
        }
        else if (target is null && roles.Contains(ColumnRole.Target) && p.Values.Count == 0 && SplitTrailingTarget(name) is { } split)
        {
            name = split.Name;
            target = split.Target;
        }

        if (IsEmptyName(name))
        {
            return null;
        }

        current.Indicators.Add(new ReadIndicator(p.Level1, p.Level2, name, Clean(target), Clean(Get(ColumnRole.PeriodTarget)),
            gluedWeight ?? Num(Get(ColumnRole.Weight)), Clean(Get(ColumnRole.Actual)), Num(Get(ColumnRole.Score)), Clean(Get(ColumnRole.Reason)), p.Location,
            Clean(Get(ColumnRole.Explanation))));
        return null;

        static decimal? Num(string? s) => s is null ? null : ReadingText.Number(s.TrimEnd('分'));

        static string? Clean(string? s) => s is null or "" or "-" or "—" or "/" ? null : s;
    }

    private static bool IsEmptyName(string name)
    {
        var k = RowLabel().Replace(ReadingText.Key(name), "").Trim('.', '…', '/', '-', '—', ' ');
        return k.Length == 0 || k is "不适用" or "无";
    }

    /// <summary>
    /// A name with its target and 分值 glued on ("享受资助人数达到预计值210010"): every split of the trailing digits into
    /// a target and a 分值 (no leading zero, 0 &lt; 分值 ≤ 100) is tried; kept only when exactly one fits.
    /// </summary>
    private static (string Name, string? Target, decimal Weight)? GluedTargetAndWeight(string text, bool hasTarget)
    {
        if (text.Length > 80)
        {
            return null;
        }

        var m = GluedTail().Match(text);
        if (!m.Success || m.Index < 2)
        {
            return null;
        }

        var tail = m.Value;
        var candidates = new List<(string Name, string? Target, decimal Weight)>();
        for (var w = 1; w <= 3 && w < tail.Length + (hasTarget ? 0 : 1); w++)
        {
            var weightText = tail[^w..];
            if (weightText.Length > 1 && weightText[0] == '0' || !char.IsDigit(weightText[0]) || ReadingText.Number(weightText) is not { } weight || weight is <= 0 or > 100)
            {
                continue;
            }

            var rest = tail[..^w];
            if (!hasTarget)
            {
                if (rest.Length == 0)
                {
                    candidates.Add((text[..m.Index], null, weight));
                }

                continue;
            }

            if (rest.Length == 0)
            {
                // A row with a 分值 and no target ("规章制度建立与否20").
                candidates.Add((text[..m.Index], null, weight));
                continue;
            }

            var digits = rest.TrimStart('≥', '≤', '>', '<', '=');
            if (digits.Length > 1 && digits[0] == '0' && digits[1] != '.' || !char.IsDigit(rest[^1]) && !rest.EndsWith('%') && !rest.EndsWith("以上", StringComparison.Ordinal) && !rest.EndsWith("以内", StringComparison.Ordinal))
            {
                continue;
            }

            candidates.Add((text[..m.Index], rest, weight));
        }

        // A bare number of one digit before the 分值 is rarely a target: prefer the split with the longer target.
        if (candidates.Count > 1)
        {
            candidates = candidates.Where(c => c.Target is null || c.Target.Length >= 2 || c.Target.EndsWith('%')).ToList();
            if (candidates.Count > 1 && candidates.Count(c => c.Target is not null && c.Weight % 5 == 0) == 1)
            {
                candidates = candidates.Where(c => c.Target is not null && c.Weight % 5 == 0).ToList();
            }
        }

        return candidates.Count == 1 ? candidates[0] : null;
    }

    private (string Name, string Target)? SplitTrailingTarget(string name)
    {
        if (name.Length > 40 || name.Contains('，', StringComparison.Ordinal) || name.Contains('。', StringComparison.Ordinal) || name.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var m = TrailingTarget().Match(name);
        if (m.Success && m.Index >= 2)
        {
            return (name[..m.Index], name[m.Index..]);
        }

        foreach (var word in vocabulary.QualitativeTargets)
        {
            if (name.Length > word.Length + 2 && name.EndsWith(word, StringComparison.Ordinal))
            {
                return (name[..^word.Length], word);
            }
        }

        return null;
    }

    /// <summary>
    /// The values of an indicator row in their columns: in order when all are there; with fewer, the order-keeping
    /// assignment that fits the columns best (分值 and 得分 are numbers ≤ 100 without a unit, 得分 ≤ 分值; a
    /// 目标值 or 实际值 may be anything; a reason is text), ties kept to the left.
    /// </summary>
    private static Dictionary<ColumnRole, string> AlignIndicator(List<ColumnRole> roles, List<string> values)
    {
        var result = new Dictionary<ColumnRole, string>();
        if (values.Count == 0 || roles.Count == 0)
        {
            return result;
        }

        if (values.Count >= roles.Count)
        {
            for (var v = 0; v < roles.Count; v++)
            {
                result.TryAdd(roles[v], v == roles.Count - 1 ? string.Join(" ", values.Skip(v)) : values[v]);
            }

            return result;
        }

        var best = double.MinValue;
        int[]? bestPick = null;
        foreach (var pick in Combinations(roles.Count, values.Count))
        {
            var score = 0.0;
            for (var v = 0; v < pick.Length; v++)
            {
                score += Fit(roles[pick[v]], values[v]) - pick[v] * 0.001;
            }

            var w = Array.IndexOf(pick.Select(x => roles[x]).ToArray(), ColumnRole.Weight);
            var s = Array.IndexOf(pick.Select(x => roles[x]).ToArray(), ColumnRole.Score);
            if (w >= 0 && s >= 0 && ReadingText.Number(values[w]) is { } wv && ReadingText.Number(values[s]) is { } sv && sv > wv)
            {
                score -= 0.5;
            }

            if (score > best)
            {
                best = score;
                bestPick = pick;
            }
        }

        for (var v = 0; v < bestPick!.Length; v++)
        {
            result.TryAdd(roles[bestPick[v]], values[v]);
        }

        return result;

        static double Fit(ColumnRole role, string v)
        {
            var n = ReadingText.Number(v.TrimEnd('分'));
            var plainNumber = n is not null;
            return role switch
            {
                ColumnRole.Weight or ColumnRole.Score => plainNumber && n is >= 0 and <= 100 ? 1.2 : -1,
                ColumnRole.Target or ColumnRole.Actual or ColumnRole.PeriodTarget => plainNumber ? 0.6 : 1,
                ColumnRole.Reason or ColumnRole.Ignore or ColumnRole.Explanation => plainNumber ? -0.5 : 0.5,
                ColumnRole.Comparator => v.Length <= 2 && "≥≤=<>定".Contains(v[0], StringComparison.Ordinal) ? 1.5 : -1,
                ColumnRole.TargetUnit => v.Length <= 4 && !plainNumber ? 0.5 : -1,
                _ => 0,
            };
        }
    }

    private bool IsStream(int start)
    {
        var seen = 0;
        var multi = 0;
        var lastRow = -1;
        for (var k = start; k < toks.Count && seen < 12; k++)
        {
            if (toks[k].Row == lastRow)
            {
                continue;
            }

            lastRow = toks[k].Row;
            seen++;
            if (rows[lastRow].Count(x => !x.IsEmpty) >= 2)
            {
                multi++;
            }
        }

        return seen >= 3 && multi * 3 < seen;
    }

    /// <summary>
    /// A one-cell-per-line copy whose empty cells are kept as lines of spaces: rows are rebuilt by counting the
    /// header's columns, and kept only when every rebuilt row starts with a category or an empty cell.
    /// </summary>
    private bool TryChunked(List<ColumnRole> header, int start, out int end)
    {
        end = start;
        var n = header.Count;
        var cells = new List<Tok>();
        var k = start;
        for (; k < toks.Count; k++)
        {
            var t = toks[k];
            if (!t.IsEmpty && (vocabulary.IsStop(t.Key) || (vocabulary.Field(t.Key) is not null && vocabulary.Category(t.Key) is null)))
            {
                break;
            }

            cells.Add(t);
        }

        if (cells.Count < n || !cells.Any(c => c.IsEmpty))
        {
            return false;
        }

        var chunks = new List<List<Tok>>();
        for (var c = 0; c + n <= cells.Count + n - 1 && c < cells.Count; c += n)
        {
            chunks.Add(cells.Skip(c).Take(n).ToList());
        }

        var l1 = header.IndexOf(ColumnRole.Level1);
        if (l1 < 0 || chunks.Count(ch => ch.Count > l1 && (ch[l1].IsEmpty || vocabulary.Category(ch[l1].Key) is not null)) * 10 < chunks.Count * 8)
        {
            return false;
        }

        string? level1 = null;
        foreach (var ch in chunks)
        {
            string? level2 = null;
            string? name = null;
            var values = new Dictionary<ColumnRole, string>();
            string? location = null;
            for (var c = 0; c < ch.Count; c++)
            {
                var role = header[c];
                var t = ch[c];
                if (t.IsEmpty)
                {
                    continue;
                }

                switch (role)
                {
                    case ColumnRole.Level1:
                        level1 = ReadingText.Squeeze(t.Text);
                        break;
                    case ColumnRole.Level2:
                        level2 = ReadingText.Squeeze(t.Text);
                        break;
                    case ColumnRole.Name:
                        name = t.Text;
                        location = t.Location;
                        values.Clear();
                        break;
                    default:
                        values[role] = t.Text;
                        break;
                }
            }

            if (name is null || IsEmptyName(name))
            {
                continue;
            }

            current.Indicators.Add(new ReadIndicator(level1, level2 ?? null, name, values.GetValueOrDefault(ColumnRole.Target), values.GetValueOrDefault(ColumnRole.PeriodTarget),
                values.TryGetValue(ColumnRole.Weight, out var w) ? ReadingText.Number(w) : null, values.GetValueOrDefault(ColumnRole.Actual),
                values.TryGetValue(ColumnRole.Score, out var s) ? ReadingText.Number(s) : null, values.GetValueOrDefault(ColumnRole.Reason), location!,
                values.GetValueOrDefault(ColumnRole.Explanation)));
        }

        end = k;
        return true;
    }

    // ---------------------------------------------------------------- projects

    private void Close()
    {
        if (kind == DocumentKind.DepartmentTargets && current.Name is null && current.Unit is not null)
        {
            // A department's form names the department as its 填报单位 / 单位名称 when it has no 部门名称.
            current.Name = current.Unit;
        }

        if (current.Name is not null || current.Indicators.Count > 0 || current.Amount is not null)
        {
            projects.Add(current);
        }

        current = new ProjectBuilder();
    }

    internal sealed class ProjectBuilder
    {
        public string? Name { get; set; }
        public string? Unit { get; set; }
        public int UnitLabelLength { get; set; }
        public string? Department { get; set; }
        public string? Code { get; set; }
        public decimal? Amount { get; set; }
        public decimal? PeriodAmount { get; set; }
        public decimal? Executed { get; set; }
        public string? Goal { get; set; }
        public string? PeriodGoal { get; set; }
        public string? PolicyBasis { get; set; }
        public string? CostBasis { get; set; }
        public string? Location { get; set; }
        public BudgetLine? BudgetLine { get; set; }
        public (decimal?[] Values, List<ColumnRole> Roles, string Location)? BudgetTotalRow { get; set; }
        public decimal?[]? BudgetPartRow { get; set; }
        public List<ReadIndicator> Indicators { get; } = [];

        public ReadProject Build(string file) => new(Name, Unit, Department, Code, Amount, PeriodAmount, Executed, BudgetLine, Goal, Indicators,
            Location ?? file, PolicyBasis, CostBasis, PeriodGoal);
    }

    [GeneratedRegex(@"^(?<n>[-+]?\d[\d,]*(?:\.\d+)?)\s*(?<u>亿元|万元|元)?$")]
    private static partial Regex MoneyText();

    [GeneratedRegex(@"^(?:[-+]?\d[\d,]*(?:\.\d+)?%?|[-+]?\d[\d,]*(?:\.\d+)?分)$")]
    private static partial Regex BudgetNumber();

    [GeneratedRegex(@"\((\d+(?:\.\d+)?)分\)")]
    private static partial Regex BlockScore();

    [GeneratedRegex(@"^\(\d+(?:\.\d+)?分\)$")]
    private static partial Regex BlockScoreOnly();

    [GeneratedRegex(@"\(\d+(?:\.\d+)?分\)$")]
    private static partial Regex BlockScoreSuffix();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)分\*")]
    private static partial Regex ScoreRule();

    [GeneratedRegex(@"^(?:[≥≤><=]=?|±)?\d[\d,.]*(?:%|[\u4e00-\u9fa5]{1,3})?(?:以上|以内|以下)?$")]
    private static partial Regex ValueLike();

    [GeneratedRegex(@"^指标\d+[:.、]?")]
    private static partial Regex RowLabel();

    [GeneratedRegex(@"优秀|优|良好|良|中等|中|差|合格|不合格")]
    private static partial Regex GradeWord();

    // The digits (with a comparator, %, 以上 / 以内) at the end of a glued cell.
    [GeneratedRegex(@"(?:[≥≤><=]=?)?\d[\d.]*%?(?:以上|以内)?\d*$")]
    private static partial Regex GluedTail();

    // A target glued to the end of its name: "农村义务教育学校改造覆盖率100%", "学生家长满意度≥90%".
    [GeneratedRegex(@"(?:[≥≤><=]=?|不低于|不高于|不少于|大于|小于|达到)?\d+(?:\.\d+)?(?:%|[\u4e00-\u9fa5]{1,3})?(?:以上|以内|以下)?$")]
    private static partial Regex TrailingTarget();
}

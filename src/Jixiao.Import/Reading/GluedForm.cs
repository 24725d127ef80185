using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Import.Reading;

/// <summary>
/// A form whose cells were glued together when it was copied: the OCR text of a scan on a document-sharing site,
/// where a whole 自评表 is one line ("项目名称…主管部门…一级指标二级指标三级指标分值…产出指标(40分)数量指标指标1免费发放原原种8550万粒550万粒8…").
/// The cells are found again from what they are, never from where a file put them: the vocabulary's labels
/// (fields, the columns of the indicator table, categories) cut the text; the header's labels, in the order
/// printed, say what follows a name in each row; and each run of glued rows is split by the most likely reading
/// of its characters as cells of those roles (a 分值 is a number, a 指标值 a value with its unit, a 得分 does not
/// exceed its 分值, a target written twice is the target and the actual value). The result is a grid with
/// columns, read by the same recognisers as any table. A header cell whose characters OCR read out of order
/// ("考值参分" for 参考分值, two-line cells read across) is matched by its characters.
/// </summary>
internal static partial class GluedForm
{
    /// <summary>The shortest line taken as a glued form (a form's header and a few rows).</summary>
    private const int MinGluedLine = 100;

    /// <summary>The longest run of glued rows split (longer runs are kept as one cell, to bound the work).</summary>
    private const int MaxRun = 1500;

    /// <summary>The longest text taken as a glued form.</summary>
    private const int MaxText = 200_000;

    private enum Kind { Number, Value, Unit, Nature, Percent, YesNo, Text, LongText }

    /// <summary>The longest cell of a column of sentences (评价标准, 指标说明): a rule with its formula and its notes.</summary>
    private const int MaxLongText = 600;

    /// <summary>Units and time words that follow their number ("12月", "2370人"): a cell never starts with one after a digit.</summary>
    private const string Measures = "月日时分秒个次元万亿亩户所家台套件份篇粒吨米天辆座条张册场名批盏根棵株";

    private sealed record Column(ColumnRole Role, string Label, Kind Kind, int Index);

    private sealed record Label(int Start, int End, GluedLabel Kind, ColumnRole? Role, CategoryLevel? Level, string Key);

    /// <summary>The grid of the glued form, or null when the grid is not one (its lines are short, or no indicator header is in it).</summary>
    public static Grid? Unglue(Grid grid, ReadingVocabulary vocabulary, string fileName)
    {
        static string Line(IReadOnlyList<Cell> r) => string.Join(" ", r.Select(c => c.Text));
        if (grid.Rows.Count == 0 || !grid.Rows.Any(r => Line(r).Length >= MinGluedLine))
        {
            return null;
        }

        // The stream: lines joined where a site's page marker ("2、") cut a cell, kept apart (as a cell boundary) elsewhere.
        var text = new StringBuilder();
        var lineOf = new List<string>();
        foreach (var row in grid.Rows)
        {
            var key = ReadingText.Key(Line(row));
            var mark = PageMark().Match(key);
            if (mark.Success && text.Length > 0)
            {
                key = key[mark.Length..];
            }
            else if (text.Length > 0)
            {
                text.Append('\n');
                lineOf.Add(row[0].Location);
            }

            text.Append(key);
            lineOf.AddRange(Enumerable.Repeat(row[0].Location, key.Length));
        }

        var s = text.ToString();
        if (s.Length > MaxText)
        {
            return null;
        }

        var labels = vocabulary.Labels().Where(l => l.Key.Length >= 2).ToList();
        if ((Header(s, labels) ?? Headless(s, labels, vocabulary)) is not { } header)
        {
            return null;
        }

        var rows = new List<IReadOnlyList<Cell>>();
        string Loc(int at) => lineOf.Count == 0 ? fileName : lineOf[Math.Clamp(at, 0, lineOf.Count - 1)];
        void Row(params (int Column, string Text, int At)[] cells) =>
            rows.Add(cells.Where(c => c.Text.Length > 0).Select(c => new Cell(c.Text, rows.Count, c.Column, Loc(c.At))).ToList());

        Fields(s[..header.Start], labels, Row);
        Row([.. header.Columns.Select(c => (c.Index, c.Label, header.Start))]);
        Body(s, header.End, header.Columns, labels, vocabulary, Row);
        return new Grid(grid.Name, rows) { Positional = true, HeaderInferred = header.Inferred };
    }

    /// <summary>
    /// The lines of a printed text joined where the page wrapped them (a line as wide as the page's full lines goes on
    /// in the next), a site's page number at the start of a line kept as the start of a line: a glued form printed to
    /// PDF is the text copy again, its cells cut only where the copy had a break.
    /// </summary>
    public static string Unwrap(IEnumerable<string> printed)
    {
        var lines = printed.Select(ReadingText.Key).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return "";
        }

        // Width as printed, roughly (a Chinese character is about two digits wide); a line well short of the full ones
        // ends a paragraph of the copy ("300万元", "259.45万元" on lines of their own).
        static int Width(string l) => l.Sum(c => ReadingText.IsCjk(c) || c > '\u3000' ? 2 : 1);
        var full = lines.Select(Width).Order().ElementAt((int)(lines.Count * 0.8));
        var sb = new StringBuilder(lines[0]);
        for (var k = 1; k < lines.Count; k++)
        {
            // A site's page number ("3、") opens a paragraph of the copy: it stays, at the start of its line, for Unglue to
            // join the page to the one before as it does in the text copy.
            var opensPage = PageMark().IsMatch(lines[k]);
            sb.Append(!opensPage && Width(lines[k - 1]) >= full * 0.6 ? "" : "\n").Append(lines[k]);
        }

        return sb.ToString();
    }

    // ---- the header of the indicator table ----

    private sealed record HeaderRun(int Start, int End, List<Column> Columns, bool Inferred = false);

    private static HeaderRun? Header(string s, List<(string Key, GluedLabel Kind, ColumnRole? Role, CategoryLevel? Level)> labels)
    {
        var columns = labels.Where(l => l.Kind == GluedLabel.Column).OrderByDescending(l => l.Key.Length).ToList();
        for (var start = 0; start < s.Length; start++)
        {
            var first = columns.FirstOrDefault(c => c.Key.Length >= 3 && c.Role is ColumnRole.Level1 or ColumnRole.Level2 or ColumnRole.Name && At(s, start, c.Key));
            var found = new List<Column>();
            var at = start;
            if (first.Key is null)
            {
                // "…指标表级指标分值二级指标…": the 一 of 一级指标 is a single stroke, which a scan's OCR takes for a rule and
                // drops; the rest of the label is the header's first cell where another label follows it.
                if (LostOne(s, start, columns) is not { } lost)
                {
                    continue;
                }

                found.Add(new Column(ColumnRole.Level1, lost, Kind.Text, 0));
                at += lost.Length - 1;
                at += Bracket(s, at);
            }

            while (at < s.Length && s[at] != '\n')
            {
                var hit = columns.FirstOrDefault(c => At(s, at, c.Key));
                var length = hit.Key?.Length ?? 0;
                if (hit.Key is null)
                {
                    // A cell OCR read out of order: the characters of a label, with at most one more.
                    foreach (var c in columns.Where(c => c.Key.Length >= 4))
                    {
                        foreach (var len in new[] { c.Key.Length, c.Key.Length + 1 })
                        {
                            if (at + len <= s.Length && SameCharacters(s.Substring(at, len), c.Key))
                            {
                                hit = c;
                                length = len;
                                break;
                            }
                        }

                        if (hit.Key is not null)
                        {
                            break;
                        }
                    }
                }

                if (hit.Key is null && found.Count > 0)
                {
                    // A label with one character misread, inside the run ("年初旨标值" for 年初指标值): labels of five characters
                    // or more, one 汉字 replaced by another.
                    hit = columns.FirstOrDefault(c => c.Key.Length >= 5 && at + c.Key.Length <= s.Length && OneMisread(s.AsSpan(at, c.Key.Length), c.Key));
                    length = hit.Key?.Length ?? 0;
                }

                if (hit.Key is null)
                {
                    break;
                }

                length += Bracket(s, at + length);
                found.Add(new Column(hit.Role!.Value, hit.Key, KindOf(hit.Role.Value, hit.Key), found.Count));
                at += length;
            }

            if (found.Count >= 4 && found.Any(c => c.Role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Weight or ColumnRole.Score))
            {
                return new HeaderRun(start, at, found);
            }

            // A run of labels that is no header has none inside it either (its tail holds fewer of the same labels): the
            // search goes on after it, so a line of nothing but labels is read once, not once per character.
            start = Math.Max(start, at - 1);
        }

        return null;
    }

    private static bool OneMisread(ReadOnlySpan<char> text, string label)
    {
        var differ = 0;
        for (var k = 0; k < label.Length; k++)
        {
            if (text[k] != label[k] && (++differ > 1 || !ReadingText.IsCjk(text[k]) || !ReadingText.IsCjk(label[k])))
            {
                return false;
            }
        }

        return differ == 1;
    }

    /// <summary>
    /// A fragment that starts inside the indicator block, its header not copied ("产出指标数量指标足额保障率=100% 22.5
    /// 科目调整次数≤10次 22.5…"): where an 一级 category is followed straight by a 二级, the rows after it are read as
    /// name, then 指标值 and 分值 in the order that reads more rows whole (templates print either first).
    /// </summary>
    private static HeaderRun? Headless(string s, List<(string Key, GluedLabel Kind, ColumnRole? Role, CategoryLevel? Level)> labels, ReadingVocabulary vocabulary)
    {
        var categories = labels.Where(l => l.Kind == GluedLabel.Category && l.Key.Length >= 4).ToList();
        for (var at = 0; at < s.Length; at++)
        {
            var first = categories.FirstOrDefault(c => c.Level == CategoryLevel.Level1 && At(s, at, c.Key));
            if (first.Key is null)
            {
                continue;
            }

            var next = at + first.Key.Length + Bracket(s, at + first.Key.Length);
            if (!categories.Any(c => c.Level == CategoryLevel.Level2 && At(s, next, c.Key)))
            {
                continue;
            }

            HeaderRun? best = null;
            var bestScore = double.NegativeInfinity;
            foreach (var order in new[] { new[] { ("年度指标值", ColumnRole.Target, Kind.Value), ("分值", ColumnRole.Weight, Kind.Number) },
                                          new[] { ("分值", ColumnRole.Weight, Kind.Number), ("年度指标值", ColumnRole.Target, Kind.Value) } })
            {
                List<Column> columns = [new(ColumnRole.Level1, "一级指标", Kind.Text, 0), new(ColumnRole.Level2, "二级指标", Kind.Text, 1), new(ColumnRole.Name, "三级指标", Kind.Text, 2),
                    .. order.Select((o, i) => new Column(o.Item2, o.Item1, o.Item3, 3 + i))];
                var whole = 0;
                var score = 0.0;
                Body(s, at, columns, labels, vocabulary, cells => whole += cells.Count(c => c.Item1 >= 3 && c.Item2.Length > 0) == 2 ? 1 : 0, split => score += split);
                if (whole >= 2 && score > bestScore)
                {
                    (best, bestScore) = (new HeaderRun(at, at, columns, Inferred: true), score);
                }
            }

            return best;
        }

        return null;
    }

    private static string? LostOne(string s, int start, List<(string Key, GluedLabel Kind, ColumnRole? Role, CategoryLevel? Level)> columns)
    {
        foreach (var c in columns.Where(c => c.Role == ColumnRole.Level1 && c.Key.Length >= 4 && c.Key[0] == '一'))
        {
            var rest = c.Key.Length - 1;
            if (string.CompareOrdinal(s, start, c.Key, 1, rest) == 0 && (start == 0 || s[start - 1] is not ('一' or '二' or '三' or '四'))
                && columns.Any(n => n.Key.Length >= 2 && At(s, start + rest + Bracket(s, start + rest), n.Key)))
            {
                return c.Key;
            }
        }

        return null;
    }

    private static Kind KindOf(ColumnRole role, string label) => role switch
    {
        ColumnRole.Weight or ColumnRole.Score => Kind.Number,
        ColumnRole.Target or ColumnRole.Actual or ColumnRole.PeriodTarget => Kind.Value,
        ColumnRole.TargetUnit => Kind.Unit,
        ColumnRole.Comparator => Kind.Nature,
        _ when label.Contains("系数", StringComparison.Ordinal) => Kind.Percent,
        _ when label.StartsWith("是否", StringComparison.Ordinal) => Kind.YesNo,
        ColumnRole.Ignore or ColumnRole.Explanation when LongTextLabel().IsMatch(label) => Kind.LongText,
        ColumnRole.Ignore when label.Contains("值", StringComparison.Ordinal) => Kind.Value,
        _ => Kind.Text,
    };

    private static bool SameCharacters(string a, string label)
    {
        if (a.Contains('\n') || a == label)
        {
            return false;
        }

        var rest = a.ToList();
        foreach (var c in label)
        {
            if (!rest.Remove(c))
            {
                return false;
            }
        }

        return rest.Count <= 1;
    }

    // ---- the form's fields and its budget line, above the table ----

    private static void Fields(string s, List<(string Key, GluedLabel Kind, ColumnRole? Role, CategoryLevel? Level)> labels, Action<(int, string, int)[]> row)
    {
        var wanted = labels.Where(l => l.Kind is GluedLabel.Field or GluedLabel.BudgetColumn or GluedLabel.BudgetRow or GluedLabel.Stop
            && (l.Key.Length >= 3 || l.Key == "总分")).OrderByDescending(l => l.Key.Length).ToList();
        var found = new List<Label>();
        for (var at = 0; at < s.Length;)
        {
            var hit = wanted.FirstOrDefault(l => At(s, at, l.Key) && !PartOfTitle(s, at + l.Key.Length));
            if (hit.Key is null)
            {
                at++;
                continue;
            }

            var end = at + hit.Key.Length + Bracket(s, at + hit.Key.Length);
            found.Add(new Label(at, end, hit.Kind, hit.Role, hit.Level, hit.Key));
            at = end;
        }

        if (found.Count == 0)
        {
            row([(0, s.Trim('\n'), 0)]);
            return;
        }

        // "项目名称…资助项目主管部门…": a project's name ends in 项目 more often than 项目主管部门 follows it; where the label
        // after a name is 项目 + another label, the 项目 is the name's.
        for (var k = 1; k < found.Count; k++)
        {
            var l = found[k];
            if (found[k - 1].Key.EndsWith("名称", StringComparison.Ordinal) && l.Key.StartsWith("项目", StringComparison.Ordinal)
                && wanted.Any(w => w.Key == l.Key[2..]) && l.Start - found[k - 1].End >= 2 && !s[found[k - 1].End..l.Start].EndsWith("项目", StringComparison.Ordinal))
            {
                found[k] = l with { Start = l.Start + 2, Key = l.Key[2..] };
            }
        }

        if (found[0].Start > 0)
        {
            foreach (var line in s[..found[0].Start].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                row([(0, line, 0)]);
            }
        }

        var budget = new List<(string Text, int At)>();
        for (var k = 0; k < found.Count; k++)
        {
            var l = found[k];
            var valueEnd = k + 1 < found.Count ? found[k + 1].Start : s.Length;
            var value = s[l.End..valueEnd];
            if (l.Kind is GluedLabel.BudgetColumn or GluedLabel.BudgetRow || l.Key is "年度资金总额" or "资金情况")
            {
                budget.Add((value, l.End));
                continue;
            }

            // "项目实施单位/项目负责人原州区农技中心/杨勃兴": two labels over two values.
            if (value == "/" && k + 1 < found.Count)
            {
                var nextEnd = k + 2 < found.Count ? found[k + 2].Start : s.Length;
                var both = s[found[k + 1].End..nextEnd];
                var slash = both.IndexOf('/', StringComparison.Ordinal);
                if (slash > 0)
                {
                    row([(0, s[l.Start..l.End], l.Start), (1, both[..slash].Trim('\n'), found[k + 1].End)]);
                    row([(0, s[found[k + 1].Start..found[k + 1].End], found[k + 1].Start), (1, both[(slash + 1)..].Trim('\n'), found[k + 1].End + slash + 1)]);
                    k++;
                    continue;
                }
            }

            // "自评总分(分)97.6部门联系人曾雪莲": a score glued to the text of the next cell.
            if (l.Key.Contains('分') && LeadingScore().Match(value) is { Success: true } score && score.Length < value.Length)
            {
                row([(0, s[l.Start..l.End], l.Start), (1, score.Value, l.End)]);
                row([(0, value[score.Length..].Trim('\n').Replace('\n', ' '), l.End + score.Length)]);
                continue;
            }

            row([(0, s[l.Start..l.End], l.Start), (1, value.Trim('\n').Replace('\n', ' '), l.End)]);
        }

        Budget(budget, row);
    }

    /// <summary>
    /// The budget line of a glued form: its labels come before its numbers ("全年预算数(A)全年执行数(B)执行率(B/A)64.864.864.8100%"),
    /// so the numbers are taken where a 预算数, an 执行数 and an 执行率 agree (执行数 ÷ 预算数 = 执行率 as printed).
    /// </summary>
    private static void Budget(List<(string Text, int At)> pieces, Action<(int, string, int)[]> row)
    {
        var numbers = new List<(decimal Value, bool Percent, string Text, int At)>();
        foreach (var (text, at) in pieces)
        {
            foreach (Match m in NumberRun().Matches(text))
            {
                if (SplitNumbers(m.Value) is { } split)
                {
                    numbers.AddRange(split.Select(n => (n.Value, n.Percent, n.Text, at + m.Index)));
                }
            }
        }

        for (var r = 0; r < numbers.Count; r++)
        {
            if (!numbers[r].Percent || r < 2 || numbers[r - 1].Percent)
            {
                continue;
            }

            var executed = numbers[r - 1];
            foreach (var budget in numbers.Take(r - 1).Where(n => !n.Percent && n.Value > 0))
            {
                if (Math.Abs(executed.Value / budget.Value * 100 - numbers[r].Value) <= 0.6m)
                {
                    var yuan = budget.Text.EndsWith('元') && !budget.Text.EndsWith("万元", StringComparison.Ordinal) ? "(元)" : "";
                    row([(1, "全年预算数" + yuan, budget.At), (2, "全年执行数" + yuan, executed.At), (3, "执行率", numbers[r].At)]);
                    row([(0, "年度资金总额", budget.At), (1, Plain(budget.Value), budget.At), (2, Plain(executed.Value), executed.At), (3, numbers[r].Text, numbers[r].At)]);
                    return;
                }
            }
        }
    }

    /// <summary>The longest number of a glued budget line ("123456789.12").</summary>
    private const int MaxNumber = 12;

    private static string Plain(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>A run of glued numbers ("64.864.864.8100%") as numbers of at most two decimals, the split with the fewest pieces that are all well formed.</summary>
    private static List<(decimal Value, bool Percent, string Text)>? SplitNumbers(string run)
    {
        var unit = run.EndsWith("万元", StringComparison.Ordinal) ? "万元" : run.EndsWith('元') ? "元" : "";
        var digits = run[..^unit.Length];
        var percent = digits.EndsWith('%');
        digits = digits.TrimEnd('%');
        var best = Split(digits, 0);
        return best?.Select((t, i) => (decimal.Parse(t, CultureInfo.InvariantCulture), percent && i == best.Count - 1, t + (i == best.Count - 1 ? (percent ? "%" : unit) : ""))).ToList();

        static List<string>? Split(string d, int depth)
        {
            if (d.Length == 0)
            {
                return [];
            }

            // At most seven pieces of at most MaxNumber characters: a longer run (a line of 3,000 digits) is no budget
            // line, and trying every head of it at every depth would never end.
            if (depth > 6 || d.Length > 7 * MaxNumber)
            {
                return null;
            }

            if (WellFormed().IsMatch(d) && (d.Length <= 9 || d.Contains('.')))
            {
                return [d];
            }

            List<string>? best = null;
            for (var len = 1; len < Math.Min(d.Length, MaxNumber + 1); len++)
            {
                var head = d[..len];
                if (!WellFormed().IsMatch(head) || d[len] == '.')
                {
                    continue;
                }

                if (Split(d[len..], depth + 1) is { } rest && (best is null || rest.Count + 1 < best.Count))
                {
                    best = [head, .. rest];
                }
            }

            return best;
        }
    }

    // ---- the indicator rows ----

    private static void Body(string s, int start, List<Column> columns, List<(string Key, GluedLabel Kind, ColumnRole? Role, CategoryLevel? Level)> labels,
        ReadingVocabulary vocabulary, Action<(int, string, int)[]> row, Action<double>? scored = null)
    {
        var categories = labels.Where(l => l.Kind == GluedLabel.Category).OrderByDescending(l => l.Key.Length).ToList();
        var stops = labels.Where(l => l.Kind == GluedLabel.Stop).ToList();
        var longer = labels.Where(l => l.Kind is GluedLabel.BudgetColumn or GluedLabel.Field && l.Key.Length >= 5).ToList();
        var level1 = columns.FirstOrDefault(c => c.Role == ColumnRole.Level1)?.Index;
        var level2 = columns.FirstOrDefault(c => c.Role == ColumnRole.Level2)?.Index;
        var name = columns.FirstOrDefault(c => c.Role == ColumnRole.Name)?.Index ?? (level2 ?? level1 ?? -1) + 1;
        var values = columns.Where(c => c.Index > name).ToList();
        var pending = new List<(int Column, string Text, int At)>();
        var textStart = start;
        string? lastCategory = null;
        CategoryLevel? lastLevel = null;
        var stopped = false;

        void Flush(int end)
        {
            var from = textStart;
            textStart = end;
            foreach (var (between, pieceEnd) in Between(s, from, end))
            {
                // A run starts at its first character, not at the line break before it.
                var pieceStart = between;
                while (pieceStart < pieceEnd && s[pieceStart] == '\n')
                {
                    pieceStart++;
                }

                if (s[pieceStart..pieceEnd].Trim('\n').Length == 0)
                {
                    continue;
                }

                foreach (var cells in Rows(s[pieceStart..pieceEnd], pieceStart, name, values, vocabulary, scored))
                {
                    row([.. pending, .. cells]);
                    pending.Clear();
                }
            }
        }

        for (var at = start; at < s.Length;)
        {
            // The table ends at a stop, and at its 合计 row ("合计100评价结论…": the points add up there, no indicator follows).
            var total = TotalRow().Match(s, at) is { Success: true } t && t.Index == at ? t.Length : 0;
            if (total > 0 || stops.Any(l => At(s, at, l.Key)))
            {
                Flush(at);
                stopped = true;
                if (pending.Count > 0)
                {
                    row([.. pending]);
                    pending.Clear();
                }

                // What follows the table is kept, as lines of text: the sum of the points ("合计100") is the table's, not a score.
                var after = at + total;
                foreach (var line in s[after..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    row([(0, line, after)]);
                }

                break;
            }

            // A short category ("数量") only straight after another ("产出指标数量国家奖学金人数"); the same one twice is a name
            // that starts with it ("财务管理财务管理制度有效性").
            var adjacent = lastCategory is not null && textStart == at;
            var hit = level1 is null && level2 is null ? default
                : categories.FirstOrDefault(c => (c.Key.Length >= 4 || adjacent || PointsThenCategory(s, at + c.Key.Length, categories)) && At(s, at, c.Key) && !(adjacent && c.Key == lastCategory)
                    && !longer.Any(l => l.Key.Length > c.Key.Length && At(s, at, l.Key)));
            if (hit.Key is null)
            {
                at++;
                continue;
            }

            Flush(at);
            var end = at + hit.Key.Length + Bracket(s, at + hit.Key.Length);
            // A category straight after an 一级 is its 二级 (投入管理 is an 一级 in one template, a 二级 under 项目管理 in another).
            // A category that is an 一级 in some templates and a 二级 in others (成本指标, 满意度指标) is a 二级 among 二级
            // (after 时效指标) unless a 二级 follows it (满意度指标(20分)服务对象满意度).
            var opensBlock = categories.Any(c => At(s, end, c.Key));
            var level = adjacent && lastLevel == CategoryLevel.Level1 ? CategoryLevel.Level2
                : vocabulary.IsAmbiguous(hit.Key) ? (lastLevel == CategoryLevel.Level2 && !opensBlock ? CategoryLevel.Level2 : CategoryLevel.Level1) : hit.Level;
            var column = level == CategoryLevel.Level1 ? level1 ?? level2 : level2 ?? level1;
            if (pending.Any(p => p.Column == column))
            {
                row([.. pending]);
                pending.Clear();
            }

            pending.Add((column!.Value, s[at..end], at));
            if (hit.Key.EndsWith("指标", StringComparison.Ordinal) && MarkerRest().Match(s, end) is { Success: true } rest && rest.Index == end)
            {
                // "生态效益指标1病害减少…": the category's 指标 is also the row marker's.
                end += rest.Length;
            }

            // "投入13预算配置13…": a table with a 分值 column after each level gives the category's points bare after it.
            if (columns.FirstOrDefault(c => c.Index == column + 1) is { Role: ColumnRole.Weight } points
                && CategoryPoints().Match(s, end) is { Success: true } bare && bare.Index == end)
            {
                pending.Add((points.Index, bare.Groups[1].Value, end));
                end += bare.Length;
            }

            lastCategory = hit.Key;
            lastLevel = level;
            at = end;
            textStart = end;
        }

        if (!stopped && textStart < s.Length)
        {
            Flush(s.Length);
        }

        if (pending.Count > 0)
        {
            row([.. pending]);
        }
    }

    /// <summary>"投入13预算配置…": a short category is one where its points and a longer category follow it.</summary>
    private static bool PointsThenCategory(string s, int at, List<(string Key, GluedLabel Kind, ColumnRole? Role, CategoryLevel? Level)> categories) =>
        CategoryPoints().Match(s, Math.Min(at, s.Length)) is { Success: true } m && m.Index == at
        && categories.Any(c => c.Key.Length >= 4 && At(s, at + m.Length, c.Key));

    /// <summary>The runs of a stretch of text between row markers ("指标1", "指标2:").</summary>
    private static IEnumerable<(int Start, int End)> Between(string s, int from, int to)
    {
        var at = from;
        foreach (Match m in Marker().Matches(s[from..to]))
        {
            yield return (at, from + m.Index);
            at = from + m.Index + m.Length;
        }

        yield return (at, to);
    }

    /// <summary>One run of glued rows as rows of cells (name and values at their columns), by the most likely split.</summary>
    private static IEnumerable<(int Column, string Text, int At)[]> Rows(string run, int at, int name, List<Column> values, ReadingVocabulary vocabulary, Action<double>? scored)
    {
        var parser = new RowParser(run, values, vocabulary);
        var parse = run.Length <= MaxRun ? parser.Parse() : null;
        scored?.Invoke(parse is null ? -10 : parser.Score);
        if (parse is null)
        {
            yield return [(name, run.Replace('\n', ' ').Trim(), at)];
            yield break;
        }

        foreach (var r in parse)
        {
            yield return [(name, r.Name.Text, at + r.Name.Start), .. r.Cells.Select(c => (c.Column, c.Text, at + c.Start))];
        }

    }

    private sealed record Piece(int Column, string Text, int Start);

    private sealed record ParsedRow((string Text, int Start) Name, List<Piece> Cells);

    /// <summary>
    /// The split of a run of glued rows into rows of name and values that scores best: each cell scores by how well
    /// its text fits its column's kind; a target written twice over (target = actual) and a 得分 no higher than its
    /// 分值 score more; a missing 分值 or 得分 and each new row cost.
    /// </summary>
    private sealed class RowParser(string s, List<Column> columns, ReadingVocabulary vocabulary)
    {
        private const int MaxName = 80;
        private const int MaxValue = 40;
        private readonly Dictionary<(int At, int Next, decimal? Weight), (double Score, Step? Step)> memo = [];

        private sealed record Step(int End, int Next, Piece? Cell, Piece? Second, bool NewRow, decimal? Weight);

        /// <summary>How well the best split fits the columns (after <see cref="Parse"/>).</summary>
        public double Score { get; private set; }

        public List<ParsedRow>? Parse()
        {
            var best = double.NegativeInfinity;
            var bestEnd = -1;
            for (var end = 2; end <= Math.Min(s.Length, MaxName); end++)
            {
                if (NameOk(0, end))
                {
                    var score = Best(end, 0, null).Score - NameCost(0, end);
                    if (score > best)
                    {
                        best = score;
                        bestEnd = end;
                    }
                }
            }

            if (bestEnd < 0 || double.IsNegativeInfinity(best))
            {
                return null;
            }


            Score = best;
            var rows = new List<ParsedRow> { new((Clean(s[..bestEnd]), 0), []) };
            var (at, next, weight) = (bestEnd, 0, (decimal?)null);
            while (memo.TryGetValue((at, next, weight), out var m) && m.Step is { } step)
            {

                if (step.NewRow)
                {
                    rows.Add(new ParsedRow((Clean(s[at..step.End]), at), []));
                }
                else
                {
                    if (step.Cell is { } c)
                    {
                        rows[^1].Cells.Add(c);
                    }

                    if (step.Second is { } c2)
                    {
                        rows[^1].Cells.Add(c2);
                    }
                }

                (at, next, weight) = (step.End, step.Next, step.Weight);
            }

            return rows;
        }

        private static string Clean(string t) => t.Replace('\n', ' ').Trim();

        private (double Score, Step? Step) Best(int at, int next, decimal? weight)
        {
            if (memo.TryGetValue((at, next, weight), out var known))
            {
                return known;
            }

            memo[(at, next, weight)] = (double.NegativeInfinity, null);
            var result = (Score: double.NegativeInfinity, Step: (Step?)null);
            void Consider(double score, Step step)
            {
                if (score > result.Score)
                {
                    result = (score, step);
                }
            }

            var p = at < s.Length && s[at] == '\n' ? at + 1 : at;
            if (next == columns.Count)
            {
                if (p >= s.Length)
                {
                    result = (0, null);
                }
                else
                {
                    for (var end = p + 2; end <= Math.Min(s.Length, p + MaxName); end++)
                    {
                        if (NameOk(p, end))
                        {
                            Consider(Best(end, 0, null).Score - 2.0 - NameCost(p, end), new Step(end, 0, null, null, true, null));
                        }
                    }
                }

                memo[(at, next, weight)] = result;
                return result;
            }

            // The run's last row may be a name alone: the copy was cut there ("…评价内容。5新建楼堂馆所投资").
            if (next == 0 && p >= s.Length)
            {
                memo[(at, next, weight)] = (0, null);
                return (0, null);
            }

            var column = columns[next];
            Consider(Best(at, next + 1, weight).Score + SkipCost(column), new Step(at, next + 1, null, null, false, weight));
            if (column.Kind == Kind.LongText)
            {
                // Two columns of sentences side by side (评价标准 | 指标说明) cannot be told apart when glued: the first holds both.
                if (next == 0 || columns[next - 1].Kind != Kind.LongText)
                {
                    LongText(p, next, weight, Consider);
                }

                memo[(at, next, weight)] = result;
                return result;
            }

            var limit = Math.Min(s.Length, p + (column.Kind == Kind.Text ? MaxName : MaxValue));
            for (var end = p + 1; end <= limit; end++)
            {
                if (s[end - 1] == '\n')
                {
                    break;
                }

                var text = s[p..end];
                if (CellScore(column, text, weight) is not { } scored)
                {
                    continue;
                }

                var cell = scored;
                if (end < s.Length && char.IsAsciiDigit(s[end - 1]) && char.IsAsciiDigit(s[end]) && column.Kind != Kind.Number)
                {
                    // A value cut from the digits of the next ("0100%" = 0 | 100%) is allowed, at a cost.
                    cell -= 1.0;
                }

                // Digits glued across cells are split only beside a 分值 or 得分 ("8550万粒" = 8 | 550万粒, "1010" = 10 | 10);
                // two values are never cut out of one number, and a number never from its decimals or its unit.
                if (end < s.Length && (char.IsAsciiDigit(s[end - 1]) && char.IsAsciiDigit(s[end]) && !DigitCut(column, next, s[end]) || !CanCut(end)))
                {
                    continue;
                }

                // Two cells of text glued with nothing between them are more likely one ("实际工作需求"), unless the first is a word of its own ("是", "一").
                if (end < s.Length && ReadingText.IsCjk(s[end - 1]) && ReadingText.IsCjk(s[end]) && !(text.Length == 1 && "是否高好中低一".Contains(text[0])))
                {
                    cell -= 1.0;
                }

                var w = column.Role == ColumnRole.Weight ? Num(text) : weight;
                // A number is given as read ("IO" as 10: OCR's letters for digits).
                var shown = column.Kind == Kind.Number && Num(text) is { } number ? Plain(number) : text;
                Consider(Best(end, next + 1, w).Score + cell, new Step(end, next + 1, new Piece(column.Index, shown, p), null, false, w));

                // A target written twice, as the target and as the actual value ("550万粒550万粒", "是是").
                if (column.Role == ColumnRole.Target && ActualAfter(next) is { } actual && end + text.Length <= s.Length
                    && string.CompareOrdinal(s, end, text, 0, text.Length) == 0 && CellScore(columns[actual], text, weight) is { } second)
                {
                    var skipped = columns.Skip(next + 1).Take(actual - next - 1).Sum(SkipCost);
                    Consider(Best(end + text.Length, actual + 1, weight).Score + scored + second + skipped + 3,
                        new Step(end + text.Length, actual + 1, new Piece(column.Index, text, p), new Piece(columns[actual].Index, text, end), false, weight));
                }
            }

            memo[(at, next, weight)] = result;
            return result;
        }

        /// <summary>
        /// A cell of sentences (a 评价标准 with its formula, "以100%为标准。…每超过一个百分点扣0.5分"): digits and stops inside,
        /// balanced brackets, never ending on a digit (the 得分 after it); its brackets are counted as it grows, so
        /// trying every end costs one pass.
        /// </summary>
        private void LongText(int p, int next, decimal? weight, Action<double, Step> consider)
        {
            var depth = 0;
            for (var end = p + 1; end <= Math.Min(s.Length, p + MaxLongText); end++)
            {
                var c = s[end - 1];
                if (c == '\n')
                {
                    break;
                }

                depth += c is '(' ? 1 : c is ')' ? -1 : 0;
                if (end - p < 2 || depth != 0 || char.IsAsciiDigit(c) || !CanCut(end))
                {
                    continue;
                }

                consider(Best(end, next + 1, weight).Score - 0.2, new Step(end, next + 1, new Piece(columns[next].Index, s[p..end], p), null, false, weight));
            }
        }

        /// <summary>Whether a cell may end at <paramref name="end"/>: not inside "8535.5", "80%" or "12月".</summary>
        private bool CanCut(int end)
        {
            if (end <= 0 || end >= s.Length)
            {
                return true;
            }

            var (a, b) = (s[end - 1], s[end]);
            // A stop after a sentence ("…X100%.5预算控制率") is no decimal point.
            return !(char.IsAsciiDigit(a) && (b is '.' or '%' or '‰' || Measures.Contains(b)) || a == '.' && char.IsAsciiDigit(b) && end >= 2 && char.IsAsciiDigit(s[end - 2]));
        }

        /// <summary>
        /// Whether a number may end a cell of this column where the next digit begins another: after a 分值 or 得分
        /// ("8550万粒" = 8 | 550万粒, "1010" = 10 | 10), or a value before a 得分系数 ("0100%" = 0 | 100%); never where the
        /// next cell would start with a 0.
        /// </summary>
        private bool DigitCut(Column column, int next, char following) =>
            following != '0' && (column.Kind == Kind.Number || column.Kind == Kind.Value && next + 1 < columns.Count && columns[next + 1].Kind == Kind.Percent);

        private int? ActualAfter(int next)
        {
            for (var k = next + 1; k < columns.Count; k++)
            {
                if (columns[k].Role == ColumnRole.Actual)
                {
                    return k;
                }

                if (columns[k].Role is ColumnRole.Weight or ColumnRole.Score)
                {
                    return null;
                }
            }

            return null;
        }

        private static double SkipCost(Column c) => c.Role switch
        {
            ColumnRole.Weight or ColumnRole.Score => -2,
            ColumnRole.Target or ColumnRole.Actual => -0.5,
            _ when c.Kind == Kind.Percent => -1,
            _ when c.Kind == Kind.Unit => -0.2,
            _ => 0,
        };

        /// <summary>A name of two characters or a unit word ("万粒") is more likely a value cut short.</summary>
        /// <summary>
        /// A name of two characters or a unit word ("万粒") is more likely a value cut short; a name cut between two 汉字
        /// a little less likely than one ending where a number starts ("完成时限|12月底前", not "完成时|限12月底前").
        /// </summary>
        private double NameCost(int start, int end) => (s[start..end].Count(ReadingText.IsCjk) <= 2 ? 1.5 : 0) + (EndsWithQuantity().IsMatch(s[start..end]) ? 2.5 : 0)
            + (end < s.Length && ReadingText.IsCjk(s[end - 1]) && ReadingText.IsCjk(s[end]) ? 0.5 : 0);

        private bool NameOk(int start, int end)
        {
            var t = s[start..end];
            if (t.Contains('\n') || t.Contains('%') || char.IsAsciiDigit(t[^1]) || t.Trim().Length < 2 || !Balanced(t) || HasSentenceStop(t))
            {
                return false;
            }

            // A name never starts with a comparator: "≥20台巡检覆盖率" is the last row's value and the next name.
            return !(t[0] is '≥' or '≤' or '>' or '<' or '=' or '≧' or '≦') && (!char.IsAsciiDigit(t[0]) || YearStart().IsMatch(t));
        }

        private double? CellScore(Column c, string t, decimal? weight)
        {
            switch (c.Kind)
            {
                case Kind.Number:
                    if (Num(t) is not { } n || n > 100)
                    {
                        return null;
                    }

                    if (c.Role == ColumnRole.Score)
                    {
                        return weight is { } w ? (n > w ? -3 : n == w ? 2.3 : 2) : 1.5;
                    }

                    return n == 0 ? null : 2;
                case Kind.Percent:
                    return PercentValue().IsMatch(t) ? 2 : null;
                case Kind.YesNo:
                    return t is "是" or "否" ? 2 : null;
                case Kind.Unit:
                    return UnitValue().IsMatch(t) ? 1.5 : null;
                case Kind.Nature:
                    if (t.Any(char.IsAsciiDigit) || t.Length > 5)
                    {
                        return null;
                    }

                    return t is "定量" or "定性" or "定量指标" or "定性指标" ? 2 : SameCharacters(t, "定性指标") || SameCharacters(t, "定量指标") ? 1.5 : 0;
                case Kind.Value:
                    var v = ValueScore(t);
                    // A column read as a value but not kept (调整指标值) is seldom filled.
                    return v is null ? null : c.Role is ColumnRole.Target or ColumnRole.Actual ? v + (c.Role == ColumnRole.Actual ? 0.05 : 0) : v - 1.5;
                default:
                    // A reason is rare in a glued row; text goes there only where it cannot start the next row.
                    return t.Length < 2 || char.IsAsciiDigit(t[0]) || char.IsAsciiDigit(t[^1]) || !Balanced(t) ? null : -0.2;
            }
        }

        private double? ValueScore(string t)
        {
            if (t.Length > 1 && t[0] == '0' && char.IsAsciiDigit(t[1]))
            {
                return null;
            }

            if (Quantity().IsMatch(t))
            {
                return 2;
            }

            if (t is "一" or "-" or "—" or "–" or "/" or "无")
            {
                return 1.5;
            }

            if (char.IsAsciiDigit(t[^1]) || !t.Any(c => char.IsAsciiDigit(c) || ReadingText.IsCjk(c)) || !Balanced(t))
            {
                return null;
            }

            if (t.Length == 1)
            {
                return "是否高好中低".Contains(t[0]) ? 1 : null;
            }

            return vocabulary.QualitativeTargets.Contains(t) ? 1 : 0.3;
        }

        private static decimal? Num(string t)
        {
            // OCR reads 10 as "IO" or "lO".
            if (t.Length == 2 && t[1] is 'O' or 'o' && t[0] is 'I' or 'l' or '1')
            {
                t = t.Replace('O', '0').Replace('o', '0').Replace('I', '1').Replace('l', '1');
            }

            return WellFormed().IsMatch(t) && decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
    }

    /// <summary>Marks of a sentence: no indicator's name holds one, a 评价标准's text does ("计5分;每超过…"); a comma may be in a long name that wrapped ("…工作环境,做到").</summary>
    private static readonly System.Buffers.SearchValues<char> SentenceStops = System.Buffers.SearchValues.Create("；;。：:");

    /// <summary>Whether a text holds a mark of a sentence outside brackets ("结余率(计算方法为:结余数/预算数)" holds none).</summary>
    private static bool HasSentenceStop(string t)
    {
        var depth = 0;
        foreach (var c in t)
        {
            depth += c is '(' ? 1 : c is ')' ? -1 : 0;
            if (depth == 0 && SentenceStops.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("标准|说明|解释|依据")]
    private static partial Regex LongTextLabel();

    private static bool Balanced(string t) => t.Count(c => c == '(') == t.Count(c => c == ')');

    private static bool At(string s, int at, string key) => at + key.Length <= s.Length && string.CompareOrdinal(s, at, key, 0, key.Length) == 0;

    /// <summary>A label that is part of the form's title ("绩效目标自评表", "绩效目标申报表") is not a label.</summary>
    private static bool PartOfTitle(string s, int end) => end < s.Length && (s[end] == '表' || At(s, end, "自评") || At(s, end, "申报") || At(s, end, "评价"));

    private static int Bracket(string s, int at)
    {
        if (at < s.Length && s[at] == '(')
        {
            var close = s.IndexOf(')', at);
            if (close > at && close - at <= 10 && !s[at..close].Contains('\n'))
            {
                return close - at + 1;
            }
        }

        return 0;
    }

    /// <summary>A document-sharing site's page number at the start of a line ("2、双城经济圈…").</summary>
    [GeneratedRegex(@"^\d{1,2}、(?=[\p{IsCJKUnifiedIdeographs}“‘《(（])")]
    private static partial Regex PageMark();

    /// <summary>The row markers of some templates ("指标1", "指标2:", OCR "指标L").</summary>
    [GeneratedRegex(@"(?<!定量|定性)指标(?:[0-9](?=[0-9]{4}年)|[0-9]{1,2}(?![0-9.%万亿千个人次元亩户件份篇粒吨米天场盏根])|[LlIi一二三四五六七八九十](?![A-Za-z]))[:：]?")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\G(?:[0-9](?=[0-9]{4}年)|[0-9]{1,2}(?![0-9.%])|[LlIi])[:：]?(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex MarkerRest();

    [GeneratedRegex(@"\G合计[0-9]{1,3}(?:\.[0-9]{1,2})?分?")]
    private static partial Regex TotalRow();

    [GeneratedRegex(@"\G([0-9]{1,3}(?:\.[0-9]{1,2})?)分?(?=[\p{IsCJKUnifiedIdeographs}“‘《(])")]
    private static partial Regex CategoryPoints();

    [GeneratedRegex(@"^[0-9]{1,3}(?:\.[0-9]{1,2})?分?(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex LeadingScore();

    [GeneratedRegex(@"[0-9.]+%?(?:万元|元)?")]
    private static partial Regex NumberRun();

    [GeneratedRegex(@"^(?:0|[1-9][0-9]*)(?:\.[0-9]{1,2})?$")]
    private static partial Regex WellFormed();

    [GeneratedRegex(@"^[0-9]+(?:\.[0-9]+)?%$")]
    private static partial Regex PercentValue();

    [GeneratedRegex(@"^(?:%|‰|(?:万|千|亿)?[个人次元亩户所家台套件项份篇粒吨米天辆座条张本册场名位批年月日盏根棵株间处只头]|人次|户次|公里|公斤|千克|平方米|立方米|小时|个月|工作日)$")]
    private static partial Regex UnitValue();

    [GeneratedRegex(@"^[≥≤><=≧≦]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:%|‰|(?:万|亿|千)?(?:[年月日时分秒个人次元亩户所家台套件项份篇粒吨米天辆座条张本册场名位批盏根棵株间处只头]|公里|公斤|千克|平方米|立方米|人次|户次|小时|个月|工作日))?$")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"[0-9]+(?:\.[0-9]+)?(?:万|亿)?[亩粒人个次份篇吨米元户家所台套件辆座条张册场名批盏根棵株]$")]
    private static partial Regex EndsWithQuantity();

    [GeneratedRegex(@"^[0-9]{4}年")]
    private static partial Regex YearStart();
}

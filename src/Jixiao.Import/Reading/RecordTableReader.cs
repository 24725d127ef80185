using System.Text.RegularExpressions;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Reading;

/// <summary>
/// Tables of records, as budget systems export them: a header row of labels, then one record per row. A header
/// with 项目名称 makes a project list (项目编码, 申请单位, 项目总金额, 本年金额 …); a header with 三级指标 makes an
/// indicator list, whose rows join their project by 项目编码 (another sheet) or by the 项目名称 on the row, carried
/// down from the row above when a merged cell left it empty. Amounts without a stated unit are in 元 when the
/// rows' own text gives them in 万元 (测算依据 "0.3万元" beside 3000), else as large whole numbers are. What reviewers read is
/// kept: 政策依据, 测算依据, 实施期目标, each indicator's 指标解释, and the category rows that hold no indicator (不适用 or left empty).
/// </summary>
internal static partial class RecordTableReader
{
    private sealed record Header(int Row, Dictionary<int, FormField> Fields, Dictionary<int, ColumnRole> Roles, Dictionary<int, string> Labels);

    private sealed class Record
    {
        public string? Code;
        public string? Name;
        public string? Unit;
        public string? Department;
        public string? Goal;
        public string? PeriodGoal;
        public string? PolicyBasis;
        public string? CostBasis;
        public decimal? Annual;
        public decimal? Period;
        public string Location = "";
        public List<string> Texts = [];
        public List<ReadIndicator> Indicators = [];
        public List<ReadIndicator> Placeholders = [];
    }

    public static IReadOnlyList<ReadProject>? Read(GridDocument document, ReadingVocabulary vocabulary, List<Diagnostic> diagnostics)
    {
        var projects = new List<Record>();
        var byCode = new Dictionary<string, Record>(StringComparer.Ordinal);
        var byName = new Dictionary<string, Record>(StringComparer.Ordinal);
        var indicatorRows = new List<(Grid Grid, Header Header)>();
        var amountCells = new List<(Record Record, string Text, bool Annual)>();
        var headers = document.Grids.Select(g => (Grid: g, Header: FindHeader(g, vocabulary))).Where(x => x.Header is not null).ToList();
        if (headers.Count == 0)
        {
            return null;
        }

        foreach (var (grid, header) in headers)
        {
            if (header!.Roles.ContainsValue(ColumnRole.Name))
            {
                indicatorRows.Add((grid, header));
                if (!header.Fields.ContainsValue(FormField.ProjectName))
                {
                    continue;
                }
            }

            if (!header.Fields.ContainsValue(FormField.ProjectName) || header.Roles.ContainsValue(ColumnRole.Name))
            {
                continue;
            }

            foreach (var row in grid.Rows.Where(r => r.Count > 0 && r[0].Row > header.Row))
            {
                var rec = new Record { Location = row[0].Location };
                foreach (var cell in row)
                {
                    var text = ReadingText.Display(cell.Text);
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    rec.Texts.Add(text);
                    if (!header.Fields.TryGetValue(cell.Column, out var field))
                    {
                        continue;
                    }

                    switch (field)
                    {
                        case FormField.ProjectCode: rec.Code = text; break;
                        case FormField.ProjectName: rec.Name = text; break;
                        case FormField.Unit: rec.Unit ??= text; break;
                        case FormField.Department: rec.Department ??= text; break;
                        case FormField.Goal: rec.Goal ??= text; break;
                        case FormField.PeriodGoal: rec.PeriodGoal ??= text; break;
                        case FormField.PolicyBasis: rec.PolicyBasis ??= text; break;
                        case FormField.CostBasis: rec.CostBasis ??= text; break;
                        case FormField.AnnualAmount: amountCells.Add((rec, text, true)); break;
                        case FormField.PeriodAmount: amountCells.Add((rec, text, false)); break;
                        default: break;
                    }
                }

                if (rec.Name is null)
                {
                    continue;
                }

                projects.Add(rec);
                if (rec.Code is not null)
                {
                    byCode.TryAdd(rec.Code, rec);
                }

                byName.TryAdd(ReadingText.Key(rec.Name), rec);
            }
        }

        foreach (var (grid, header) in indicatorRows)
        {
            ReadIndicators(grid, header, projects, byCode, byName, diagnostics, document.FileName);
        }

        if (projects.Count == 0)
        {
            return null;
        }

        var inYuan = AmountsInYuan(amountCells, headers.Select(h => h.Header!).ToList());
        if (inYuan is not null)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, ReadingCodes.UnitInferred, new SourceLocation(document.FileName),
                inYuan.Value ? "表中金额未写单位，按“元”读取（各行测算依据中的万元金额与之相符，或金额均为较大的整数）；以下金额已换算为万元。"
                             : "表中金额未写单位，按“万元”读取。"));
        }

        foreach (var (rec, text, annual) in amountCells)
        {
            if (ReadingText.Number(Regex.Replace(text, "(万元|元)$", "")) is not { } n)
            {
                continue;
            }

            var wan = text.EndsWith("万元", StringComparison.Ordinal) ? n : text.EndsWith('元') || inYuan == true ? n / 10000m : n;
            if (annual)
            {
                rec.Annual ??= wan;
            }
            else
            {
                rec.Period ??= wan;
            }
        }

        return projects.Select(p => new ReadProject(p.Name, p.Unit, p.Department, p.Code, p.Annual ?? p.Period, p.Period, null, null, p.Goal, p.Indicators, p.Location,
            p.PolicyBasis, p.CostBasis, p.PeriodGoal, p.Placeholders)).ToList();
    }

    private static void ReadIndicators(Grid grid, Header header, List<Record> projects, Dictionary<string, Record> byCode, Dictionary<string, Record> byName,
        List<Diagnostic> diagnostics, string file)
    {
        var codeColumn = header.Fields.FirstOrDefault(f => f.Value == FormField.ProjectCode).Key;
        var hasCode = header.Fields.ContainsValue(FormField.ProjectCode);
        var nameColumn = header.Fields.FirstOrDefault(f => f.Value == FormField.ProjectName).Key;
        var hasName = header.Fields.ContainsValue(FormField.ProjectName);
        string? level1 = null, level2 = null;
        Record? last = null;
        var unmatched = 0;
        foreach (var row in grid.Rows.Where(r => r.Count > 0 && r[0].Row > header.Row))
        {
            string? code = null, project = null, name = null, target = null, period = null, actual = null, reason = null, explanation = null;
            decimal? weight = null, score = null;
            string? l1 = null, l2 = null;
            var location = row[0].Location;
            foreach (var cell in row)
            {
                var text = ReadingText.Display(cell.Text);
                if (text.Length == 0)
                {
                    continue;
                }

                if (hasCode && cell.Column == codeColumn)
                {
                    code = text;
                }
                else if (hasName && cell.Column == nameColumn)
                {
                    project = text;
                }
                else if (header.Roles.TryGetValue(cell.Column, out var role))
                {
                    switch (role)
                    {
                        case ColumnRole.Level1: l1 = ReadingText.Squeeze(text); break;
                        case ColumnRole.Level2: l2 = ReadingText.Squeeze(text); break;
                        case ColumnRole.Name: name = text; location = cell.Location; break;
                        case ColumnRole.Target: target = text; break;
                        case ColumnRole.PeriodTarget: period = text; break;
                        case ColumnRole.Actual: actual = text; break;
                        case ColumnRole.Reason: reason = text; break;
                        case ColumnRole.Explanation: explanation = text; break;
                        case ColumnRole.Weight: weight = ReadingText.Number(text.TrimEnd('分')); break;
                        case ColumnRole.Score: score = ReadingText.Number(text.TrimEnd('分')); break;
                        default: break;
                    }
                }
            }

            Record? rec = null;
            if (code is not null && byCode.TryGetValue(code, out var c))
            {
                rec = c;
            }
            else if (project is not null)
            {
                if (!byName.TryGetValue(ReadingText.Key(project), out rec))
                {
                    rec = new Record { Name = project, Code = code, Location = location };
                    projects.Add(rec);
                    byName[ReadingText.Key(project)] = rec;
                    if (code is not null)
                    {
                        byCode.TryAdd(code, rec);
                    }
                }
            }
            else if (code is null)
            {
                rec = last;
            }

            if (rec != last)
            {
                level1 = null;
                level2 = null;
            }

            if (l1 is not null)
            {
                level1 = l1;
                level2 = null;
            }

            level2 = l2 ?? level2;
            if (rec is not null && (name is not null ? IsNotAnIndicator(name) : l2 is not null))
            {
                // A category row written "不适用" or left without a name: not an indicator, but what the table says of that category.
                rec.Placeholders.Add(new ReadIndicator(level1, level2, name ?? "", target, period, weight, actual, score, reason, location, explanation));
            }

            if (name is null || IsNotAnIndicator(name))
            {
                last = rec ?? last;
                continue;
            }

            if (rec is null)
            {
                unmatched++;
                continue;
            }

            rec.Indicators.Add(new ReadIndicator(level1, level2, name, target, period, weight, actual, score, reason, location, explanation));
            last = rec;
        }

        if (unmatched > 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, ReadingCodes.UnplacedCell, new SourceLocation(file, null, grid.Name),
                $"工作表“{grid.Name}”有 {unmatched} 条指标的项目编码在项目表中找不到，这些指标未归入任何项目。"));
        }
    }

    private static bool IsNotAnIndicator(string name)
    {
        var k = ReadingText.Key(name);
        return k is "不适用" or "无" or "/" or "-" or "—";
    }

    private static Header? FindHeader(Grid grid, ReadingVocabulary vocabulary)
    {
        foreach (var row in grid.Rows.Take(10))
        {
            var fields = new Dictionary<int, FormField>();
            var roles = new Dictionary<int, ColumnRole>();
            var labels = new Dictionary<int, string>();
            foreach (var cell in row)
            {
                var key = ReadingText.Key(cell.Text);
                if (key.Length == 0 || key.Length > 16)
                {
                    continue;
                }

                if (vocabulary.Column(key) is { } role && role != ColumnRole.Ignore)
                {
                    roles[cell.Column] = role;
                    labels[cell.Column] = key;
                }
                else if (vocabulary.Field(key) is { } f && f.Length >= key.Length - 6)
                {
                    fields[cell.Column] = f.Field;
                    labels[cell.Column] = key;
                }
            }

            var projectList = fields.ContainsValue(FormField.ProjectName) && fields.Count + roles.Count >= 3;
            var indicatorList = roles.ContainsValue(ColumnRole.Name) && (fields.ContainsValue(FormField.ProjectCode) || fields.ContainsValue(FormField.ProjectName))
                && roles.Count >= 2;
            if ((projectList || indicatorList) && row.Count >= 3)
            {
                return new Header(row[0].Row, fields, roles, labels);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether unlabelled amounts are 元: the rows' own text states the amount in 万元 (evidence on a fifth of the
    /// rows that have any: one item or the sum of the items), else every amount is a whole number and the median is at least 10,000. Null when every
    /// amount cell states its unit.
    /// </summary>
    private static bool? AmountsInYuan(List<(Record Record, string Text, bool Annual)> cells, List<Header> headers)
    {
        var bare = cells.Where(c => !c.Text.EndsWith('元') && ReadingText.Number(c.Text) is not null).ToList();
        if (bare.Count == 0 || headers.Any(h => h.Labels.Values.Any(l => l.Contains("万元", StringComparison.Ordinal) && (l.Contains("金额", StringComparison.Ordinal) || l.Contains("资金", StringComparison.Ordinal)))))
        {
            return bare.Count == 0 ? null : false;
        }

        var evidence = 0;
        var checkedRows = 0;
        foreach (var (rec, text, _) in bare)
        {
            var yuan = ReadingText.Number(text)!.Value;
            var wanMentions = rec.Texts.SelectMany(t => WanMention().Matches(t).Select(m => ReadingText.Number(m.Groups[1].Value))).Where(x => x is not null).ToList();
            if (wanMentions.Count == 0)
            {
                continue;
            }

            checkedRows++;
            var sum = wanMentions.Sum(w => w!.Value);
            if (wanMentions.Any(w => Math.Abs(w!.Value * 10000m - yuan) < 0.5m) || Math.Abs(sum * 10000m - yuan) < 1m)
            {
                evidence++;
            }
        }

        if (checkedRows > 0 && evidence * 5 >= checkedRows)
        {
            return true;
        }

        var values = bare.Select(c => ReadingText.Number(c.Text)!.Value).OrderBy(v => v).ToList();
        return values.Count(v => v == Math.Truncate(v)) * 10 >= values.Count * 9 && values[values.Count / 2] >= 10000m;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)万元")]
    private static partial Regex WanMention();
}

using System.Text.RegularExpressions;

namespace Jixiao.Import.Reading;

/// <summary>
/// Indicators a report writes in sentences with the table's own column labels: "数量指标。养老金领取人数全年平均数年初任务数101974人,
/// 全年完成值103119人;全年缴费人数年初任务数216786人,全年完成值201201人。" — a name, a target label (年初任务数, 年度指标值 …)
/// and its value, then an actual label (全年完成值, 实际完成值 …) and its value. The category that opens the paragraph
/// ("1.产出指标。", "数量指标。") is the line's 一级 / 二级. Only clauses of exactly that shape are read.
/// </summary>
internal static partial class InlineIndicators
{
    public static List<ReadIndicator> Read(string text, string file, ReadingVocabulary vocabulary)
    {
        var labels = vocabulary.Labels().Where(l => l.Kind == GluedLabel.Column && l.Key.Length >= 3).ToList();
        var targets = labels.Where(l => l.Role == ColumnRole.Target).Select(l => l.Key).OrderByDescending(k => k.Length).ToList();
        var actuals = labels.Where(l => l.Role == ColumnRole.Actual).Select(l => l.Key).OrderByDescending(k => k.Length).ToList();
        var found = new List<ReadIndicator>();
        string? level1 = null, level2 = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = ReadingText.Key(raw);
            var head = Heading().Match(line);
            if (head.Success && vocabulary.Category(head.Groups["c"].Value) is { } level)
            {
                if (level == CategoryLevel.Level1)
                {
                    (level1, level2) = (head.Groups["c"].Value, null);
                }
                else
                {
                    level2 = head.Groups["c"].Value;
                }

                line = line[head.Length..];
            }

            foreach (var clause in line.Split([';', '；', '。'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Clause(clause, targets, actuals) is { } i)
                {
                    found.Add(new ReadIndicator(level1, level2, i.Name, i.Target, null, null, i.Actual, null, null, $"{file}:{lineNumber}"));
                }
            }
        }

        return found;
    }

    private static (string Name, string Target, string Actual)? Clause(string clause, List<string> targets, List<string> actuals)
    {
        foreach (var t in targets)
        {
            var at = clause.IndexOf(t, StringComparison.Ordinal);
            if (at < 2)
            {
                continue;
            }

            var rest = clause[(at + t.Length)..];
            foreach (var a in actuals)
            {
                var ai = rest.IndexOf(a, StringComparison.Ordinal);
                if (ai < 1)
                {
                    continue;
                }

                var name = clause[..at];
                var target = rest[..ai].Trim(',', '，', ':', '：', '为', ' ');
                var actual = rest[(ai + a.Length)..].Trim(',', '，', ':', '：', '为', ' ');
                if (name.Length <= 40 && !name.Any(c => c is ',' or '，' or ':' or '：') && Value().IsMatch(target) && Value().IsMatch(actual))
                {
                    return (name, target, actual);
                }
            }
        }

        return null;
    }

    /// <summary>A paragraph that opens with a category: "1.产出指标。", "数量指标。", "(一)效益指标:".</summary>
    [GeneratedRegex(@"^(?:\d+[.、]|\(\S{1,2}\)|[一二三四五六七八九十]+、)?(?<c>[\p{IsCJKUnifiedIdeographs}]{2,10}?指标)[。.:：]")]
    private static partial Regex Heading();

    /// <summary>A value of a few characters: a number with its unit or comparator, or a short word.</summary>
    [GeneratedRegex(@"^(?:[≥≤><=]?\d[\d,]*(?:\.\d+)?[%‰\p{IsCJKUnifiedIdeographs}]{0,4}|[\p{IsCJKUnifiedIdeographs}]{1,8})$")]
    private static partial Regex Value();
}

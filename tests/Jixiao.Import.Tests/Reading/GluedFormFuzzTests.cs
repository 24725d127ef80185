using System.Diagnostics;
using System.Text;
using Jixiao.Import.Reading;
using Xunit.Abstractions;

namespace Jixiao.Import.Tests.Reading;

/// <summary>
/// Hostile input for the glued-form reader (issue #14: no input may crash or exhaust the server). Streams are built,
/// from fixed seeds, out of the pieces a glued 自评表 is made of (header labels, categories, row markers, digits,
/// units, Chinese text, page markers, unbalanced brackets) and out of the shapes that cost the most (runs of
/// 10–200 KB, 5,000 digits, lines of only labels, empty categories). Each must read without an exception, with every
/// 分值 and 得分 within 0–100 and no cell longer than its input, and in bounded time.
/// </summary>
public class GluedFormFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] HeaderLabels =
    [
        "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及改进措施", "指标名称", "计量单位",
        "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)", "指标权重(分)", "指标得分(分)", "是否核心指标", "考值参分", "年成值全完",
    ];

    private static readonly string[] Categories =
    [
        "产出指标(40分)", "效益指标(30分)", "满意度指标(20分)", "成本指标", "数量指标", "质量指标", "时效指标", "社会效益指标",
        "经济效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标", "产出指标", "效益指标", "满意度指标(", "数量",
    ];

    private static readonly string[] Fields =
    [
        "项目名称", "项目实施单位/项目负责人", "主管部门", "资金情况(万元)", "年度资金总额", "全年预算数(A)", "全年执行数(B)",
        "执行率(B/A)", "项目总得分", "自评总分(分)", "部门联系人", "年度总体目标", "绩效指标", "总分", "合计",
    ];

    private static readonly string[] Units = ["万元", "人", "次", "万粒", "亩", "%", "‰", "元", "盏", "人次", "个月", "年", "12月"];

    private static readonly string[] Words =
    [
        "马铃薯", "原原种", "免费发放", "维护路灯", "群众满意度", "年底前完成", "明显改善", "是", "否", "定量", "定性指标", "一", "—", "/",
        "无", "≥", "≤", "采购的原原种合格率", "部分未到货", "服务对象", "提高", "有效", "项目", "资金", "完成",
    ];

    private static string Piece(Random r) => r.Next(16) switch
    {
        0 => HeaderLabels[r.Next(HeaderLabels.Length)],
        1 => Categories[r.Next(Categories.Length)],
        2 => "指标" + r.Next(0, 30) + (r.Next(4) == 0 ? ":" : ""),
        3 or 4 => Digits(r, r.Next(1, 6)),
        5 => Digits(r, r.Next(1, 4)) + Units[r.Next(Units.Length)],
        6 => Digits(r, r.Next(1, 3)) + "." + Digits(r, r.Next(1, 3)) + (r.Next(2) == 0 ? "%" : ""),
        7 or 8 => Words[r.Next(Words.Length)],
        9 => Cjk(r, r.Next(1, 12)),
        10 => r.Next(3) == 0 ? "\n" + r.Next(1, 30) + "、" : "\n",
        11 => r.Next(2) == 0 ? "(" : ")",
        12 => Fields[r.Next(Fields.Length)],
        13 => "%",
        14 => ((char)r.Next(0x20, 0x7f)).ToString(),
        _ => Units[r.Next(Units.Length)],
    };

    private static string Digits(Random r, int n)
    {
        var sb = new StringBuilder(n);
        for (var k = 0; k < n; k++)
        {
            sb.Append((char)('0' + r.Next(10)));
        }

        return sb.ToString();
    }

    private static string Cjk(Random r, int n)
    {
        var sb = new StringBuilder(n);
        for (var k = 0; k < n; k++)
        {
            sb.Append((char)r.Next(0x4e00, 0x9fa5));
        }

        return sb.ToString();
    }

    /// <summary>A glued form's start (so the header is found and the body parsed), then random pieces up to <paramref name="length"/>.</summary>
    private static string Stream(Random r, int length, bool header = true)
    {
        var sb = new StringBuilder();
        if (header)
        {
            sb.Append("项目名称").Append(Cjk(r, 8)).Append("主管部门").Append(Cjk(r, 5));
            sb.Append("一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施");
        }

        while (sb.Length < length)
        {
            sb.Append(Piece(r));
        }

        return sb.ToString();
    }

    /// <summary>The inputs: a few hundred random streams, then the shapes that cost the most.</summary>
    public static IEnumerable<(string Name, string Text)> Inputs()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var r = new Random(seed);
            yield return ($"random {seed}", Stream(r, r.Next(150, 4000), header: seed % 10 != 9));
        }

        var big = new Random(1000);
        foreach (var kb in new[] { 10, 50, 200 })
        {
            yield return ($"glued {kb} KB", Stream(big, kb * 1024 - 200));
            // One run with no category, marker or break to cut it: the longest the row parser is given.
            yield return ($"one run {kb} KB", Stream(big, 300) + string.Concat(Enumerable.Range(0, kb * 1024 / 12).Select(_ => Cjk(big, 3) + Digits(big, 2) + "万元" + Digits(big, 1) + "%")));
        }

        const string Header = "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施";
        yield return ("5000 digits", Header + "产出指标(40分)数量指标指标1" + Digits(new Random(5), 5000));
        yield return ("5000 digits, no header", "项目名称" + Digits(new Random(6), 5000));
        yield return ("budget digits", "项目名称甲资金情况(万元)年度资金总额全年预算数(A)全年执行数(B)执行率(B/A)" + Digits(new Random(7), 3000) + "%" + Header);
        yield return ("only labels 200 KB", string.Concat(Enumerable.Repeat(Header, 200_000 / Header.Length)));
        yield return ("only name labels 200 KB", string.Concat(Enumerable.Repeat("一级指标二级指标三级指标", 200_000 / 12)));
        yield return ("lines of only labels", string.Join('\n', Enumerable.Repeat(Header, 2000)));
        yield return ("empty categories", Header + string.Concat(Enumerable.Repeat("产出指标(40分)数量指标质量指标时效指标效益指标(30分)", 3000)));
        yield return ("markers only", Header + string.Concat(Enumerable.Range(0, 20_000).Select(i => "指标" + (i % 20))));
        yield return ("unbalanced brackets", Header + "数量指标" + new string('(', 1400) + "甲" + new string(')', 3) + "10");
        yield return ("page markers", Header + string.Concat(Enumerable.Range(0, 5000).Select(i => "\n" + (i % 99) + "、数量指标")));
        yield return ("score column runs", Header + "数量指标指标1" + string.Concat(Enumerable.Repeat("甲乙10", 300)));
        yield return ("value runs", Header + "数量指标指标1甲乙" + string.Concat(Enumerable.Repeat("10万元", 250)));
        yield return ("weights of every value", Header + "数量指标" + string.Concat(Enumerable.Range(1, 300).Select(i => "名称" + (i % 100) + "1" + (i % 97) + "%")));
    }

    [Fact]
    public void No_glued_stream_crashes_the_reader_gives_a_score_over_100_or_a_cell_longer_than_its_input()
    {
        var failures = new List<string>();
        foreach (var (name, text) in Inputs())
        {
            var watch = Stopwatch.StartNew();
            ReadDocument doc;
            try
            {
                doc = DocumentReader.Read(Encoding.UTF8.GetBytes(text), "x.txt").Document;
            }
            catch (Exception ex)
            {
                failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            // A hang guard, not a speed assertion: a case is allowed far more than it needs on a loaded machine, only
            // a split that grows without bound (minutes on a 200 KB line) fails here.
            if (watch.Elapsed > TimeSpan.FromSeconds(0.5))
            {
                output.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:0.00} s, {text.Length} characters");
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                failures.Add($"{name}: {watch.Elapsed.TotalSeconds:0.0} s");
            }

            foreach (var i in doc.Projects.SelectMany(p => p.Indicators.Concat(p.Placeholders ?? [])))
            {
                if (i.Weight is < 0 or > 100 || i.Score is < 0 or > 100)
                {
                    failures.Add($"{name}: {i.Name} 分值 {i.Weight} 得分 {i.Score}");
                }

                foreach (var cell in new[] { i.Level1, i.Level2, i.Name, i.Target, i.PeriodTarget, i.Actual, i.Reason, i.Explanation })
                {
                    if (cell is not null && cell.Length > text.Length)
                    {
                        failures.Add($"{name}: a cell of {cell.Length} characters from {text.Length}");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }
}

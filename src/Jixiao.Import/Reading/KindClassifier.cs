namespace Jixiao.Import.Reading;

/// <summary>
/// The kind of a document from the words it uses, the title's words first: a 监控 document is monitoring; a 自评表
/// a self-evaluation; a 报告 without a form a report; 部门整体 a department's targets; the rest target tables.
/// Word lists are in Data/reading-vocabulary.json ("kinds").
/// </summary>
internal static partial class KindClassifier
{
    public static DocumentKind Classify(List<List<Tok>> rows, ReadingVocabulary vocabulary)
    {
        // Long cells are content (a 政策依据 that mentions 监控); the kind shows in labels and titles.
        // So are sentences: a cell with a comma or a full stop ("…填写自评表格，形成本评价报告。") is prose, not a label.
        var all = string.Join("|", rows.SelectMany(r => r).Where(t => t.Key.Length <= 40 && t.Key.IndexOfAny(SentenceMarks) < 0).Select(t => t.Key));
        var any = string.Join("|", rows.SelectMany(r => r).Select(t => t.Key));
        int Count(string w) => Occurrences(all, w);
        int CountAny(string w) => Occurrences(any, w);

        var form = CountAny("目标表") + CountAny("申报表") + CountAny("批复表") + CountAny("指标表");
        if (Count("监控") >= 2 || Count("监控表") >= 1)
        {
            return DocumentKind.Monitoring;
        }

        // The head is where a title is: the first rows, and of a long paragraph (a Word or PDF report, a form glued onto
        // one line) its first 60 characters, 200 in all.
        var head = string.Join("|", rows.Take(12).SelectMany(r => r).Select(t => t.Key.Length > 60 ? t.Key[..60] : t.Key));
        head = head.Length > 200 ? head[..200] : head;
        // A title that ends by saying what the document is decides ("…绩效自评报告" above a report that mentions the
        // 自评表 it filled in); one that names its subject, not a site's section heading ("公开目录 绩效自评报告").
        if (Title(rows) is { } title && FileExtension().Replace(ReadingText.Key(title), "") is var named && named.Length >= 10 && named.EndsWith("报告", StringComparison.Ordinal))
        {
            return named.Contains("监控", StringComparison.Ordinal) ? DocumentKind.Monitoring : DocumentKind.Report;
        }

        if (Count("自评表") >= 1 || head.Contains("自评表", StringComparison.Ordinal))
        {
            return DocumentKind.SelfEvaluation;
        }

        if (head.Contains("监控报告", StringComparison.Ordinal) || head.Contains("监控表", StringComparison.Ordinal))
        {
            return DocumentKind.Monitoring;
        }

        if (head.Contains("报告", StringComparison.Ordinal) && !head.Contains("监控", StringComparison.Ordinal) && !head.Contains("自评表", StringComparison.Ordinal))
        {
            return DocumentKind.Report;
        }

        if (Count("报告") >= 1 && form == 0)
        {
            return DocumentKind.Report;
        }

        if (Count("部门整体") >= 1 || Count("整体支出") >= 1)
        {
            return DocumentKind.DepartmentTargets;
        }

        // A 评价结论 is given only after the year: a fragment of a 自评表 without its title ends with one.
        if (rows.SelectMany(r => r).Any(t => t.Key.StartsWith("评价结论", StringComparison.Ordinal) || t.Key.StartsWith("自评结论", StringComparison.Ordinal)))
        {
            return DocumentKind.SelfEvaluation;
        }

        if (form > 0 || Count("指标值") + Count("目标值") > 0)
        {
            return DocumentKind.Targets;
        }

        var selfWords = Count("得分") + Count("实际完成") + Count("执行数") + Count("分值") + Count("合计");
        if (selfWords >= 2)
        {
            return DocumentKind.SelfEvaluation;
        }

        var longLines = rows.Count(r => r.Sum(t => t.Text.Length) > 60);
        return longLines * 3 > rows.Count ? DocumentKind.Report : DocumentKind.Targets;
    }

    private static readonly char[] SentenceMarks = [',', '，', '。', ';', '；'];

    private static int Occurrences(string text, string word)
    {
        var n = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>The document's title: the first short line that names a table or report.</summary>
    public static string? Title(List<List<Tok>> rows)
    {
        foreach (var row in rows.Take(40))
        {
            for (var i = 0; i < row.Count; i++)
            {
                var t = row[i];
                var key = t.Key.StartsWith("标题:", StringComparison.Ordinal) ? t.Key[3..] : t.Key;
                key = FileExtension().Replace(key, "");
                // A short note in brackets after the title ("…监控报告(精选27篇)") does not hide it; a sentence that happens to
                // end in 报告 where a page wrapped it ("…那么报告") is none.
                var named = TrailingNote().Replace(key, "");
                if (key.Length is >= 6 and <= 80 && (named.EndsWith("表", StringComparison.Ordinal) || named.EndsWith("报告", StringComparison.Ordinal) || key.Contains("表(", StringComparison.Ordinal))
                    && !key.AsSpan().ContainsAny(",。?!;，？！；"))
                {
                    if (t.Key.StartsWith("标题:", StringComparison.Ordinal))
                    {
                        return key;
                    }

                    // OCR splits a title where Tesseract's boxes leave a gap ("广西" | "城乡居民…自评报告"): the words of
                    // 汉字 alone before it on its line are the title's.
                    var start = i;
                    while (start > 0 && row[start - 1].Text.Length <= 20 && row[start - 1].Text.All(ReadingText.IsCjk) && !IsLabel(row[start - 1].Text))
                    {
                        start--;
                    }

                    return FileExtension().Replace(string.Concat(row.Skip(start).Take(i - start + 1).Select(c => c.Text.Trim())), "");
                }
            }
        }

        return null;
    }

    // A form's label before a title-like value ("填报单位", "项目名称") is no part of a title.
    private static bool IsLabel(string text) =>
        text.EndsWith("单位", StringComparison.Ordinal) || text.EndsWith("名称", StringComparison.Ordinal) || text.EndsWith("部门", StringComparison.Ordinal)
        || text.EndsWith("日期", StringComparison.Ordinal) || text.EndsWith("时间", StringComparison.Ordinal) || text.EndsWith("附件", StringComparison.Ordinal);

    /// <summary>A short note in brackets at the end of a title ("(精选27篇)", "(2023年)").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[(（][^()（）]{1,12}[)）]$")]
    private static partial System.Text.RegularExpressions.Regex TrailingNote();

    /// <summary>A file name's extension after a title ("…自评报告.pdf", a heading copied from a download link).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\.(?:pdf|docx?|xlsx?|wps|et|ofd)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FileExtension();
}

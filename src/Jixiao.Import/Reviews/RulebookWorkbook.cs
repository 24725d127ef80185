using System.Text.Json;
using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Import.Reading;
using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Reviews;

/// <summary>
/// A district's 审核口径 workbook as it is (the Baoan layout: 编码, 审核对象, 模式, 审核要点, 二级要点, 审核细项,
/// 审核意见表述, 正则表达式, 备注): the sheet whose header row has these labels, one item per row, each given the product
/// check that decides it by Reviews/Data/rulebook-layout.json. The contents (wording, patterns) are the file's.
/// </summary>
public static class RulebookWorkbook
{
    private static readonly Lazy<JsonDocument> Layout = new(() =>
    {
        using var stream = typeof(RulebookWorkbook).Assembly.GetManifestResourceStream("Jixiao.Import.Reviews.Data.rulebook-layout.json")
            ?? throw new InvalidOperationException("Reviews/Data/rulebook-layout.json is not embedded.");
        return JsonDocument.Parse(stream);
    });

    /// <summary>Reads a 审核口径 workbook; an <see cref="InvalidDataException"/> with a Chinese reason when it is not one.</summary>
    public static ReviewRulebook Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    public static ReviewRulebook Read(Stream stream, string fileName)
    {
        var layout = Layout.Value.RootElement;
        var document = FormatReader.Read(stream, fileName);
        var labels = layout.GetProperty("columns").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.EnumerateArray().Select(l => Key(l.GetString()!)).ToList());
        foreach (var grid in document.Grids)
        {
            foreach (var row in grid.Rows.Take(10))
            {
                var columns = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var cell in row)
                {
                    var key = Key(cell.Text);
                    if (labels.FirstOrDefault(l => l.Value.Contains(key)) is { Key: { } field })
                    {
                        columns.TryAdd(field, cell.Column);
                    }
                }

                if (columns.ContainsKey("name") && columns.ContainsKey("opinion") && columns.ContainsKey("subject") && columns.ContainsKey("aspect"))
                {
                    var title = grid.Rows.TakeWhile(r => r != row).SelectMany(r => r).Select(c => c.Text.Trim()).FirstOrDefault(t => t.Length > 0);
                    return ReviewRulebook.Create("", title ?? "审核口径", "", $"{fileName}（{grid.Name}）", Items(grid, row[0].Row, columns, layout));
                }
            }
        }

        throw new InvalidDataException($"{fileName} 中没有找到审核口径表（表头应有“审核对象”“审核要点”“审核细项”“审核意见表述”）。");
    }

    private static List<RulebookItem> Items(Grid grid, int headerRow, Dictionary<string, int> columns, JsonElement layout)
    {
        var manualModes = Strings(layout, "manualModes");
        var emptyPatterns = Strings(layout, "emptyPatterns");
        var prefixes = Strings(layout, "subjectPrefixes");
        var patternOnly = Strings(layout, "patternOnly");
        var categories = layout.GetProperty("categories").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!, StringComparer.Ordinal);
        var items = new List<RulebookItem>();
        foreach (var row in grid.Rows.Where(r => r.Count > 0 && r[0].Row > headerRow))
        {
            string? Get(string field) => columns.TryGetValue(field, out var c) && row.FirstOrDefault(x => x.Column == c) is { } cell && cell.Text.Trim() is { Length: > 0 } t ? t : null;
            if (Get("name") is not { } name || Get("opinion") is not { } opinion)
            {
                continue;
            }

            var code = Get("code") ?? (items.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var subject = Get("subject") ?? "";
            var bare = prefixes.Aggregate(subject, (s, p) => s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s).Trim();
            var subjectCategory = categories.GetValueOrDefault(bare);
            var (check, category) = CheckOf(layout, subject, name, subjectCategory);
            var pattern = Get("pattern");
            if (pattern is not null && (emptyPatterns.Contains(pattern) || !patternOnly.Contains(check)))
            {
                pattern = null;
            }

            var parameters = layout.GetProperty("parameters").TryGetProperty(check, out var p)
                ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.Clone(), StringComparer.Ordinal)
                : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (RulebookPatternNeeded(check) && pattern is null)
            {
                check = Domain.Reviews.Rulebooks.RulebookChecks.Manual;
            }

            items.Add(new RulebookItem(code, subject, manualModes.Contains(Get("mode") ?? ""), ReviewRulebook.AspectOf(Get("aspect"), code),
                Get("point") ?? "", name, opinion, check, pattern, category, true, Get("note"), parameters));
        }

        return items;

        bool RulebookPatternNeeded(string check) => patternOnly.Contains(check);
    }

    private static (string Check, string? Category) CheckOf(JsonElement layout, string subject, string name, string? subjectCategory)
    {
        foreach (var c in layout.GetProperty("checks").EnumerateArray())
        {
            if (c.TryGetProperty("subjects", out var subjects) && !subjects.EnumerateArray().Any(s => subject.Contains(s.GetString()!, StringComparison.Ordinal)))
            {
                continue;
            }

            if (c.TryGetProperty("names", out var names) && !names.EnumerateArray().Any(s => name.Contains(s.GetString()!, StringComparison.Ordinal)))
            {
                continue;
            }

            var wantsCategory = c.TryGetProperty("category", out var wc) && wc.ValueKind == JsonValueKind.True;
            if (wantsCategory && subjectCategory is null)
            {
                continue;
            }

            var category = wantsCategory ? subjectCategory : c.TryGetProperty("categoryName", out var cn) ? cn.GetString() : null;
            return (c.GetProperty("check").GetString()!, category);
        }

        return (Domain.Reviews.Rulebooks.RulebookChecks.Manual, null);
    }

    private static List<string> Strings(JsonElement layout, string name) => layout.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    private static string Key(string text) => new(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
}

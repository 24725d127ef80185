using System.Globalization;
using Jixiao.Domain.Diagnostics;
using Glyph = Jixiao.Import.Reading.Formats.WordLayout.Glyph;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Scans and photos through Tesseract (`tesseract IMG - -l chi_sim tsv`, Debian tesseract-ocr and
/// tesseract-ocr-chi-sim): the word boxes go through the same row and column rebuilding as PDF text
/// (<see cref="WordLayout"/>), each cell's Confidence is its least sure word (Tesseract's 0–100 as 0–1), a cell below
/// <see cref="FormatLimits.MinConfidence"/> is a warning (FMT013) for a person to check, and every page read this way
/// is an info (FMT012). A scanned PDF page is first rendered by `pdftoppm -r 300` (poppler-utils).
/// </summary>
internal static class OcrFormat
{
    public static List<Grid>? ReadImage(MemoryStream buffer, FormatContext context)
    {
        using var temp = new ExternalTool.TempFolder();
        var image = temp.File("input.img");
        File.WriteAllBytes(image, buffer.ToArray());
        var pages = Recognise(image, context, null);
        if (pages is null)
        {
            return null;
        }

        var grids = new List<Grid>();
        foreach (var (page, glyphs) in pages.OrderBy(p => p.Key))
        {
            if (page > context.Limits.MaxOcrPages)
            {
                context.Error(FormatCodes.TooManyPages, $"第{page}页", $"图片超过 {context.Limits.MaxOcrPages} 页的上限，从第 {page} 页起未识别。");
                break;
            }

            grids.Add(Page(page, glyphs, context));
        }

        return grids;
    }

    /// <summary>One page of a PDF without a text layer, rendered at 300 dpi and recognised.</summary>
    public static Grid? ReadPdfPage(string pdf, int page, ExternalTool.TempFolder temp, FormatContext context)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var prefix = temp.File("page-" + number);
        var rendered = ExternalTool.Run(context, "pdftoppm", "poppler-utils",
            ["-r", "300", "-gray", "-png", "-f", number, "-l", number, "-singlefile", pdf, prefix], $"第{page}页");
        if (rendered is null)
        {
            return null;
        }

        if (rendered.ExitCode != 0 || !File.Exists(prefix + ".png"))
        {
            context.Error(FormatCodes.ToolFailed, $"第{page}页", $"PDF 第 {page} 页无法转为图片进行文字识别：{rendered.Error.Trim()}");
            return null;
        }

        var pages = Recognise(prefix + ".png", context, $"第{page}页");
        File.Delete(prefix + ".png");
        if (pages is null)
        {
            return null;
        }

        return Page(page, pages.Values.FirstOrDefault() ?? [], context);
    }

    private static Grid Page(int page, List<Glyph> glyphs, FormatContext context)
    {
        var where = $"第{page}页";
        if (glyphs.Count == 0)
        {
            context.Error(FormatCodes.NoText, where, $"第 {page} 页没有文字层，文字识别（OCR）也没有识别出文字；请提供文字版 PDF、Word 或 Excel 文件。");
            return new Grid(where, []);
        }

        context.Info(FormatCodes.ReadByOcr, where, $"第 {page} 页是扫描件或图片，文字由 OCR 识别，可能有错字，请与原件核对。");
        var grid = WordLayout.Build(where, glyphs, line => $"第{page}页第{line}行");
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var row in grid.Rows)
        {
            var kept = new List<Cell>();
            foreach (var cell in row)
            {
                if (!context.TakeCell(cell.Location))
                {
                    break;
                }

                kept.Add(cell);
                if (cell.Confidence < context.Limits.MinConfidence)
                {
                    context.Report(Severity.Warning, FormatCodes.LowConfidence, cell.Location,
                        string.Create(CultureInfo.InvariantCulture, $"{cell.Location}（第 {cell.Column + 1} 列）识别为“{cell.Text}”，可信度只有 {cell.Confidence * 100:0}%，请与原件核对。"));
                }
            }

            rows.Add(kept);
        }

        return grid with { Rows = rows };
    }

    /// <summary>
    /// A table's vertical rules come out of Tesseract as "|" glued to the words beside them ("可持续影响指标|长效机制"):
    /// the word is cut there, each part keeping its share of the box, and the rule kept as a glyph that ends a cell.
    /// </summary>
    private static void AddSplitAtRules(List<Glyph> glyphs, string text, double left, double width, double top, double height, double confidence)
    {
        var perChar = width / Math.Max(1, text.Length);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('|' or '｜'))
            {
                continue;
            }

            if (i > start)
            {
                glyphs.Add(new Glyph(text[start..i], left + start * perChar, left + i * perChar, top, top + height, top + height / 2, confidence));
            }

            if (i < text.Length)
            {
                glyphs.Add(new Glyph(WordLayout.Rule, left + i * perChar, left + (i + 1) * perChar, top, top + height, top + height / 2, 1));
            }

            start = i + 1;
        }
    }

    /// <summary>Tesseract's words by page (1-based), or null after reporting why there are none.</summary>
    private static Dictionary<int, List<Glyph>>? Recognise(string image, FormatContext context, string? where)
    {
        var result = ExternalTool.Run(context, "tesseract", "tesseract-ocr 与 tesseract-ocr-chi-sim", [image, "-", "-l", "chi_sim", "tsv"], where);
        if (result is null)
        {
            return null;
        }

        if (result.ExitCode != 0)
        {
            var missingLanguage = result.Error.Contains("chi_sim", StringComparison.Ordinal);
            context.Error(missingLanguage ? FormatCodes.ToolMissing : FormatCodes.ToolFailed, where, missingLanguage
                ? "文字识别需要 Tesseract 的简体中文语言包，但本机没有安装。请安装 Debian 软件包 tesseract-ocr-chi-sim 后重试。"
                : $"图片无法识别（文件可能已损坏或不完整）：{result.Error.Trim()}");
            return null;
        }

        var pages = new Dictionary<int, List<Glyph>>();
        foreach (var line in result.Output.Split('\n'))
        {
            var fields = line.Split('\t');
            if (fields.Length < 12 || fields[0] != "5" || !int.TryParse(fields[1], out var page) || string.IsNullOrWhiteSpace(fields[11]))
            {
                continue;
            }

            var left = double.Parse(fields[6], CultureInfo.InvariantCulture);
            var top = double.Parse(fields[7], CultureInfo.InvariantCulture);
            var width = double.Parse(fields[8], CultureInfo.InvariantCulture);
            var height = double.Parse(fields[9], CultureInfo.InvariantCulture);
            var confidence = Math.Clamp(double.Parse(fields[10], CultureInfo.InvariantCulture) / 100, 0, 1);
            if (!pages.TryGetValue(page, out var glyphs))
            {
                pages[page] = glyphs = [];
            }

            AddSplitAtRules(glyphs, fields[11].Trim(), left, width, top, height, confidence);
        }

        if (pages.Count == 0)
        {
            pages[1] = [];
        }

        return pages;
    }
}

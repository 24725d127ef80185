using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using Glyph = Jixiao.Import.Reading.Formats.WordLayout.Glyph;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// A PDF, one grid per page ("第N页"), rows and columns rebuilt from the letters' baselines and left edges
/// (<see cref="WordLayout"/>). Letters come from PdfPig; when PdfPig cannot open the file, or its text is not text
/// (unmapped glyphs of a CJK font come out as private-use characters), the words of `pdftotext -tsv` are used
/// instead (FMT017). A page without a text layer is rendered and read by OCR (<see cref="OcrFormat"/>).
/// Locations are "第2页第14行".
/// </summary>
internal static class PdfFormat
{
    public static List<Grid>? Read(MemoryStream buffer, FormatContext context)
    {
        var bytes = buffer.ToArray();
        using var temp = new ExternalTool.TempFolder();
        var pdf = temp.File("input.pdf");
        File.WriteAllBytes(pdf, bytes);

        var pages = FromPdfPig(bytes, context, out var pdfPigProblem, out var rules);
        if (pages is null)
        {
            if (context.HasErrors)
            {
                return null;
            }

            rules = [];
            pages = FromPdfToText(pdf, context);
            if (pages is null)
            {
                return null;
            }

            context.Info(FormatCodes.PdfFallback, null, $"PDF 的文字由 pdftotext 读取（{pdfPigProblem}）。");
        }

        var grids = new List<Grid>();
        var ocrPages = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var number = i + 1;
            if (pages[i].Count > 0)
            {
                grids.Add(Page(number, pages[i], i < rules.Count ? rules[i] : [], context));
                continue;
            }

            if (++ocrPages > context.Limits.MaxOcrPages)
            {
                context.Error(FormatCodes.TooManyPages, $"第{number}页",
                    $"需要文字识别（OCR）的扫描页超过 {context.Limits.MaxOcrPages} 页的上限，从第 {number} 页起未识别。");
                break;
            }

            if (OcrFormat.ReadPdfPage(pdf, number, temp, context) is not { } scanned)
            {
                break;
            }

            grids.Add(scanned);
        }

        return grids;
    }

    private static Grid Page(int number, List<Glyph> glyphs, List<WordLayout.HRule> rules, FormatContext context)
    {
        var grid = WordLayout.Build($"第{number}页", glyphs, line => $"第{number}页第{line}行", rules);
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var row in grid.Rows)
        {
            var kept = row.TakeWhile(c => context.TakeCell(c.Location)).ToList();
            rows.Add(kept);
            if (kept.Count < row.Count)
            {
                break;
            }
        }

        return grid with { Rows = rows };
    }

    /// <summary>Each page's letters (empty for a page without text), or null when PdfPig cannot be trusted with this file.</summary>
    private static List<List<Glyph>>? FromPdfPig(byte[] bytes, FormatContext context, out string problem, out List<List<WordLayout.HRule>> rules)
    {
        problem = "";
        rules = [];
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var count = document.NumberOfPages;
            if (count > context.Limits.MaxPages)
            {
                context.Error(FormatCodes.TooManyPages, $"第{context.Limits.MaxPages + 1}页",
                    $"PDF 共 {count:N0} 页，超过 {context.Limits.MaxPages} 页的上限，从第 {context.Limits.MaxPages + 1} 页起未读取。");
                count = context.Limits.MaxPages;
            }

            var pages = new List<List<Glyph>>();
            int letters = 0, garbled = 0;
            for (var n = 1; n <= count; n++)
            {
                var page = document.GetPage(n);
                var glyphs = new List<Glyph>();
                foreach (var letter in page.Letters)
                {
                    if (string.IsNullOrWhiteSpace(letter.Value))
                    {
                        continue;
                    }

                    letters++;
                    if (letter.Value.Any(c => c is >= '\uE000' and <= '\uF8FF' or '\uFFFD' || char.IsControl(c)))
                    {
                        garbled++;
                    }

                    var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);
                    var baseline = page.Height - letter.StartBaseLine.Y;
                    var left = Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X);
                    var right = Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);
                    glyphs.Add(new Glyph(letter.Value, left, right, baseline - size * 0.8, baseline + size * 0.2, baseline));
                }

                pages.Add(glyphs);
                rules.Add(HorizontalRules(page));
            }

            if (letters > 0 && garbled * 20 > letters)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"PdfPig 读出的 {garbled} 个字符无法对应到文字");
                return null;
            }

            return pages;
        }
        catch (PdfDocumentEncryptedException)
        {
            context.Error(FormatCodes.Encrypted, null, "PDF 文件设有密码，无法读取；请去掉密码后重新上传。");
            return null;
        }
#pragma warning disable CA1031 // PdfPig throws many exception types on damaged files; pdftotext then gets its chance (not after a cancelled read).
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            problem = "PdfPig 无法解析：" + Jixiao.Import.Imports.ReadFailure.Describe(ex);
            return null;
        }
    }

    /// <summary>Words of `pdftotext -tsv` by page, or null after reporting why there are none.</summary>
    /// <summary>
    /// The y (from the top) of the page's drawn horizontal lines, a table's row borders: thin, wide paths. Rows of a
    /// printed table are the bands between them, so a cell whose text wraps onto a second line stays one cell.
    /// </summary>
    private static List<WordLayout.HRule> HorizontalRules(UglyToad.PdfPig.Content.Page page)
    {
        var rules = new List<WordLayout.HRule>();
        try
        {
            foreach (var path in page.Paths)
            {
                if (path.GetBoundingRectangle() is not { } box)
                {
                    continue;
                }

                if (box.Height <= 2.0 && box.Width >= 10.0)
                {
                    rules.Add(new WordLayout.HRule(page.Height - (box.Bottom + box.Top) / 2, box.Left, box.Right));
                }
                else if (box.Width <= 2.0 && box.Height >= 8.0)
                {
                    // A column border: kept as a rule of no width at its x (its y is NaN: it is no row border).
                    rules.Add(new WordLayout.HRule(double.NaN, (box.Left + box.Right) / 2, (box.Left + box.Right) / 2));
                }
            }
        }
#pragma warning disable CA1031 // Rules only refine the rows; a page whose paths cannot be read is laid out from its text alone.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }

        return rules;
    }

    private static List<List<Glyph>>? FromPdfToText(string pdf, FormatContext context)
    {
        var result = ExternalTool.Run(context, "pdftotext", "poppler-utils",
            ["-tsv", "-enc", "UTF-8", "-l", context.Limits.MaxPages.ToString(CultureInfo.InvariantCulture), pdf, "-"]);
        if (result is null)
        {
            return null;
        }

        if (result.ExitCode != 0)
        {
            context.Corrupt("pdf", null, "PDF 结构不完整（可能下载或复制时被截断），无法读出文字");
            return null;
        }

        var pages = new List<List<Glyph>>();
        foreach (var line in result.Output.Split('\n'))
        {
            var fields = line.Split('\t');
            if (fields.Length < 12 || !int.TryParse(fields[0], out var level) || !int.TryParse(fields[1], out var page))
            {
                continue;
            }

            while (pages.Count < page)
            {
                pages.Add([]);
            }

            if (level != 5 || string.IsNullOrWhiteSpace(fields[11]) || fields[11].StartsWith("###", StringComparison.Ordinal))
            {
                continue;
            }

            var left = double.Parse(fields[6], CultureInfo.InvariantCulture);
            var top = double.Parse(fields[7], CultureInfo.InvariantCulture);
            var width = double.Parse(fields[8], CultureInfo.InvariantCulture);
            var height = double.Parse(fields[9], CultureInfo.InvariantCulture);
            pages[page - 1].Add(new Glyph(fields[11].Trim(), left, left + width, top, top + height, top + height * 0.8));
        }

        return pages;
    }
}

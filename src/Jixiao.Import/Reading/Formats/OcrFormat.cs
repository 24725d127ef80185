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
internal static partial class OcrFormat
{
    public static List<Grid>? ReadImage(MemoryStream buffer, FormatContext context)
    {
        using var temp = new ExternalTool.TempFolder();
        var image = temp.File("input.img");
        var bytes = buffer.ToArray();
        File.WriteAllBytes(image, bytes);
        if (Ruled(bytes, temp, context, 1) is { } table)
        {
            return [table];
        }

        var pages = RecogniseEitherScript(image, context, null);
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
            context.Error(FormatCodes.ToolFailed, $"第{page}页", $"PDF 第 {page} 页无法转为图片进行文字识别（pdftoppm 失败，页面可能已损坏）。");
            return null;
        }

        var table = Ruled(File.ReadAllBytes(prefix + ".png"), temp, context, page);
        if (table is not null)
        {
            File.Delete(prefix + ".png");
            return table;
        }

        var pages = RecogniseEitherScript(prefix + ".png", context, $"第{page}页");
        File.Delete(prefix + ".png");
        if (pages is null)
        {
            return null;
        }

        return Page(page, pages.Values.FirstOrDefault() ?? [], context);
    }

    // The confidence that marks a cell whose comparator was read from its shape (reported already, 0 once finished).
    private const double Mended = -1;

    // The confidence given to a cell mended or flagged for its comparator: below any threshold, above 0.
    private const double Unsure = 0.01;

    /// <summary>
    /// A value whose first glyph Tesseract misread ("三20000亩", "们500亩") or dropped ("90%" for "≥90%"), with the
    /// comparator its pixels draw (<see cref="ComparatorGlyph"/>); null when the text is right as read.
    /// </summary>
    private static string? ComparatorFix(string text, ImageRules.Gray image, (int Left, int Top, int Right, int Bottom) crop)
    {
        // "士3%以内" for "±3%以内": chi_sim knows no "±" and reads the nearest 汉字; 士 never stands before a number.
        if (text.Length > 1 && text[0] == '士' && (char.IsAsciiDigit(text[1]) || (text[1] == ' ' && text.Length > 2 && char.IsAsciiDigit(text[2]))))
        {
            return "±" + text[1..].TrimStart();
        }

        if (Comparator().Match(text) is { Success: true } lookalike && !ValuePrefixes.Contains(lookalike.Groups["g"].Value[0]))
        {
            return ComparatorGlyph.Read(image, crop) is { } symbol ? symbol + text[lookalike.Groups["rest"].Index..] : null;
        }

        // "<70万元" for "≤70万元": the bar under the angle lost; the pixels say whether there is one.
        if (text.Length > 1 && text[0] is '<' or '>' && text[1] != '=' && ComparatorGlyph.Read(image, crop) is { } drawn
            && drawn is "≥" or "≤" or "≧" or "≦" && (drawn is "≥" or "≧") == (text[0] == '>'))
        {
            return drawn + text[1..];
        }

        // A dropped comparator: only one drawn over a bar (≥ ≤ ≧ ≦), which no digit is.
        if (text.Length > 0 && char.IsAsciiDigit(text[0]) && ComparatorGlyph.Read(image, crop) is { Length: 1 } dropped && dropped is "≥" or "≤" or "≧" or "≦")
        {
            return dropped + text;
        }

        return null;
    }

    // Characters a value may start with before its number ("约500亩", "近3年", "达95%", "第1名", "不低于").
    private static readonly HashSet<char> ValuePrefixes = [.. "约近超达共每第前后不少多满逾至低高均各全年月日计总累合"];

    /// <summary>
    /// Tesseract's chi_sim puts quotes and stops in the wide gaps of a table ("”二级指标", "。”隆阳区…"): a quote with
    /// no partner in its cell, and a stop or comma that starts a cell, are not the document's.
    /// </summary>
    internal static string Mend(string text)
    {
        var t = text.Trim();
        // A line of prose keeps its quotes: a quotation wraps onto the next line ("…、“乡村" / "振兴…资金”").
        if (t.Length >= 20)
        {
            return ReadingText.MendDashes(t);
        }

        var open = t.Count(c => c is '“' or '‘');
        var close = t.Count(c => c is '”' or '’');
        var straight = t.Count(c => c == '"');
        if (open != close || straight % 2 == 1)
        {
            var sb = new System.Text.StringBuilder(t.Length);
            foreach (var c in t)
            {
                var unpaired = (c is '“' or '‘' && open > close) || (c is '”' or '’' && close > open) || (c == '"' && straight % 2 == 1);
                if (!unpaired)
                {
                    sb.Append(c);
                }
            }

            t = sb.ToString();
        }

        return ReadingText.MendDashes(t.TrimStart('。', '，', '、', '；', '：', '.', ',', ' ').Trim());
    }

    /// <summary>
    /// The reading of a percentage cell to keep from chi_sim's and chi_sim+eng's: the mixed one where it is a plain
    /// percentage and chi_sim's is not ("959%", "909%6" for "95%", "90%"), with chi_sim's leading glyph kept for the
    /// comparator check ("三909%6" → "三90%"); null to keep chi_sim's. chi_sim's plain percentage stays unless it is
    /// over 100 where the mixed one is not, since the English model reads a ≧ as a "2" ("280%"). Where both Chinese
    /// readings are garbled or over 100, the English model's own reading decides (<see cref="EnglishPercent"/>).
    /// </summary>
    internal static string? PercentReading(string chi, string mixed, string? english = null)
    {
        var c = LeadPercent().Match(chi.Replace(" ", "", StringComparison.Ordinal));
        var m = LeadPercent().Match(mixed.Replace(" ", "", StringComparison.Ordinal));
        // A chi_sim percentage over 100 is more often a "%" read as a digit ("907%" for "90%") than a real one.
        var chiOver100 = c.Success && decimal.Parse(c.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) > 100;
        string? English() => english is null ? null : EnglishPercent(chi.Replace(" ", "", StringComparison.Ordinal), english.Replace(" ", "", StringComparison.Ordinal));
        if (!m.Success)
        {
            return c.Success && !chiOver100 ? null : English();
        }

        var lead = m.Groups["lead"].Value.Length > 0 ? m.Groups["lead"].Value : c.Success ? c.Groups["lead"].Value : LeadGlyph().Match(chi).Value;
        if (c.Success && !(chiOver100 && decimal.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) <= 100))
        {
            return chiOver100 ? English() : null;
        }

        return lead + m.Groups["n"].Value + "%";
    }

    /// <summary>
    /// The English model's reading of a percentage that both Chinese readings garbled ("三909%6" / "290%"): its number
    /// is kept where chi_sim's digits begin with it — with the first character dropped when chi_sim saw a glyph before
    /// the digits (the English model reads "≥" as a "2"), chi_sim's glyph kept for the comparator check. Null when the
    /// two disagree.
    /// </summary>
    private static string? EnglishPercent(string chi, string english)
    {
        var e = EnglishNumberPercent().Match(english);
        var digits = ChiDigits().Match(chi);
        if (!e.Success || !digits.Success)
        {
            return null;
        }

        var lead = digits.Groups["lead"].Value;
        var number = e.Groups["n"].Value;
        string[] candidates = lead.Length > 0 && e.Groups["lead"].Length == 0 ? [number[1..], number] : [number];
        foreach (var n in candidates)
        {
            if (n.Length > 0 && char.IsAsciiDigit(n[0]) && digits.Groups["d"].Value.Replace(".", "", StringComparison.Ordinal).StartsWith(n.Replace(".", "", StringComparison.Ordinal), StringComparison.Ordinal))
            {
                var glyph = e.Groups["lead"].Length > 0 ? e.Groups["lead"].Value : lead;
                return glyph + n + "%";
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<lead>[≥≤<>=]|[\u4e00-\u9fff])?(?<n>\d{1,6}(?:\.\d{1,4})?)%$")]
    private static partial System.Text.RegularExpressions.Regex LeadPercent();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,4}(?:\.\d{1,2})?%?$")]
    private static partial System.Text.RegularExpressions.Regex LoneNumber();

    private static bool ShortHan(string text)
    {
        var t = text.Replace(" ", "", StringComparison.Ordinal);
        return t.Length is >= 1 and <= 4 && t.All(ReadingText.IsCjk);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[≥≤<>=]?\d{1,3}(?:\.\d{1,2})?96$")]
    private static partial System.Text.RegularExpressions.Regex PercentAsSix();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<lead>[≥≤<>=])?(?<n>\d{1,7}(?:\.\d{1,4})?)%$")]
    private static partial System.Text.RegularExpressions.Regex EnglishNumberPercent();

    // chi_sim's digits of a garbled percentage, after at most one leading glyph ("三909%6": 三, 909).
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<lead>[≥≤<>=]|[\u4e00-\u9fff])?(?<d>\d[\d.]*)")]
    private static partial System.Text.RegularExpressions.Regex ChiDigits();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\u4e00-\u9fff≥≤<>=](?=\s?\d)")]
    private static partial System.Text.RegularExpressions.Regex LeadGlyph();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:=\s?)?(?<g>[\u4e00-\u9fff])\s?(?<rest>\d[\d.,]{0,15}\s?(?:%|[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2})?)?)$")]
    private static partial System.Text.RegularExpressions.Regex Comparator();

    /// <summary>
    /// A page with a drawn table, read cell by cell: the rules found in its pixels give the cells
    /// (<see cref="RuledTable"/>), each cell's box of the image (rules whitened) is recognised on its own — all in one
    /// Tesseract run over a list of crops — and the text above and below the table is read as lines. Null when the
    /// page has no table, which is then read as a whole.
    /// </summary>
    private static Grid? Ruled(byte[] bytes, ExternalTool.TempFolder temp, FormatContext context, int page)
    {
        if (ImageRules.Decode(bytes) is not { } gray || ImageRules.Find(gray) is not { } found
            || RuledTable.Cells(found.Rules, Math.Max(4.0, gray.Width / 300.0)) is not { } boxes)
        {
            return null;
        }

        var image = found.Cleaned;
        var top = boxes.Min(b => b.Top);
        var bottom = boxes.Max(b => b.Bottom);
        var crops = new List<(int Left, int Top, int Right, int Bottom)>();
        var cellOf = new Dictionary<int, RuledTable.Box>();
        var above = AddCrop(image, crops, (0, 0, image.Width, top - 3));
        foreach (var box in boxes)
        {
            if (AddCrop(image, crops, (box.Left + 3, box.Top + 3, box.Right - 3, box.Bottom - 3)) is { } index)
            {
                cellOf[index] = box;
            }
        }

        var below = AddCrop(image, crops, (0, bottom + 3, image.Width, image.Height));
        if (cellOf.Count == 0)
        {
            return null;
        }

        // A page under about 240 dpi (an A4 page under 2,000 pixels across) is also read at twice its size, and each
        // cell keeps the reading Tesseract is surer of: small 汉字 read better enlarged ("实际完成什" at 1×, "实际完成值"
        // at 2×), a "%" worse ("1005" at 2×).
        var words = ReadCrops(image, crops, 1, temp, page, context);
        if (words is null)
        {
            return null;
        }

        // A table of traditional script (績效指標) reads with chi_tra, as a page of it does (RecogniseEitherScript).
        var script = "chi_sim";
        if (MeanConfidence(words.Values.SelectMany(g => g)) < SimplifiedUnsure && TraditionalModel.Value
            && ReadCrops(image, crops, 1, temp, page, context, "chi_tra") is { } traditional
            && MeanConfidence(traditional.Values.SelectMany(g => g)) >= MeanConfidence(words.Values.SelectMany(g => g)) + ScriptMargin)
        {
            words = traditional;
            script = "chi_tra";
            context.Info(FormatCodes.ReadByOcr, $"第{page}页", $"第{page}页按繁体字识别（简体识别的可信度低，繁体更高）。");
        }

        if (Math.Min(image.Width, image.Height) < 2000 && ReadCrops(image, crops, 2, temp, page, context, script) is { } enlarged)
        {
            foreach (var (index, glyphs) in enlarged)
            {
                if (!words.TryGetValue(index, out var plain) || plain.Count == 0 || (glyphs.Count > 0 && Better(glyphs, plain)))
                {
                    words[index] = glyphs;
                }
            }
        }

        // chi_sim reads a lone "95%" as "959%"; with the English model beside it the "%" comes out right. Cells
        // read with a "%" are read again so, and a plain percentage taken from that reading.
        // chi_sim also reads a short "3%" as "396": a number ending in 96 is read again, and taken as a percentage only
        // where the other models read exactly its digits before the 96 and a "%".
        var percents = words.Where(w => w.Value.Any(g => g.Text.Contains('%', StringComparison.Ordinal)) || PercentAsSix().IsMatch(string.Concat(w.Value.Select(g => g.Text))))
            .Select(w => w.Key).ToList();
        // Where both read a comparator and its "%" into one blur ("三909%6" for "≥90%"), the English model alone reads
        // the number ("290%": the "≥" as a "2"), and is asked too.
        if (percents.Count > 0 && ReadCrops(image, percents.Select(k => crops[k - 1]).ToList(), 1, temp, page, context, "chi_sim+eng") is { } mixed)
        {
            var english = ReadCrops(image, percents.Select(k => crops[k - 1]).ToList(), 1, temp, page, context, "eng");
            for (var k = 0; k < percents.Count; k++)
            {
                var englishText = english is not null && english.TryGetValue(k + 1, out var e) && e.Count > 0 ? string.Concat(e.Select(g => g.Text)) : null;
                var chi = string.Concat(words[percents[k]].Select(g => g.Text));
                if (mixed.TryGetValue(k + 1, out var glyphs) && glyphs.Count > 0
                    && PercentReading(chi, string.Concat(glyphs.Select(g => g.Text)), englishText) is { } text
                    && (chi.Contains('%', StringComparison.Ordinal) || text == chi[..^2] + "%"))
                {
                    words[percents[k]] = [glyphs[0] with { Text = text, Right = glyphs[^1].Right, Confidence = glyphs.Min(g => g.Confidence) }];
                }
            }
        }

        // A cell of one to three 汉字 on one line ("是", "合规", "达到") is read unsteadily as a block of text (psm 6 gives
        // "旦是", "忌 年" for a lone "是") and steadily as one line (psm 7): the line's reading is kept where it is the
        // block's less one glyph and no less sure, or surer by 0.1.
        var shortCells = cellOf.Keys.Where(i => words.TryGetValue(i + 1, out var g) && g.Count > 0 && ShortHan(string.Concat(g.Select(x => x.Text)))
            && crops[i].Bottom - crops[i].Top <= 1.5 * (crops[i].Right - crops[i].Left)).ToList();
        if (shortCells.Count > 0 && ReadCrops(image, shortCells.Select(i => crops[i]).ToList(), 1, temp, page, context, script, psm: 7) is { } lines)
        {
            for (var k = 0; k < shortCells.Count; k++)
            {
                var block = words[shortCells[k] + 1];
                var blockText = string.Concat(block.Select(g => g.Text)).Replace(" ", "", StringComparison.Ordinal);
                if (lines.TryGetValue(k + 1, out var line) && line.Count > 0 && string.Concat(line.Select(g => g.Text)).Trim('.', '。', ' ') is { Length: > 0 } lineText
                    && lineText.All(ReadingText.IsCjk) && lineText != blockText
                    && ((blockText.Length == lineText.Length + 1 && blockText.Contains(lineText, StringComparison.Ordinal) && line.Min(g => g.Confidence) >= block.Min(g => g.Confidence))
                        || line.Min(g => g.Confidence) >= block.Min(g => g.Confidence) + 0.1))
                {
                    words[shortCells[k] + 1] = [line[0] with { Text = lineText, Right = line[^1].Right, Confidence = line.Min(g => g.Confidence) }];
                }
            }
        }

        // A cell with ink that no reading gave text, or one glyph a digit looks like, is most often a lone thin digit
        // ("1" in a 分值 column, read as nothing or as "工"): the English model, told the crop is one word, reads it;
        // only a number is taken from it.
        var unread = cellOf.Keys.Where(i => !words.TryGetValue(i + 1, out var g) || g.Count == 0 || string.Concat(g.Select(x => x.Text)) is "工" or "丨" or "|" or "l" or "I" or "]" or "】" or "一" or "了")
            .ToList();
        if (unread.Count > 0 && ReadCrops(image, unread.Select(i => crops[i]).ToList(), 1, temp, page, context, "eng", psm: 8) is { } digits)
        {
            for (var k = 0; k < unread.Count; k++)
            {
                if (digits.TryGetValue(k + 1, out var glyphs) && glyphs.Count > 0 && LoneNumber().IsMatch(string.Concat(glyphs.Select(g => g.Text))))
                {
                    words[unread[k] + 1] = glyphs;
                }
            }
        }

        var where = $"第{page}页";
        var rows = new List<IReadOnlyList<Cell>>();
        void AddLines(int? crop)
        {
            if (crop is { } c && words.TryGetValue(c + 1, out var glyphs) && glyphs.Count > 0)
            {
                foreach (var line in WordLayout.Build(where, glyphs, _ => "").Rows)
                {
                    var row = rows.Count;
                    rows.Add(line.Select(cell => cell with { Row = row, Location = $"第{page}页第{row + 1}行" }).ToList());
                }
            }
        }

        AddLines(above);
        var first = rows.Count;
        var indexOf = cellOf.ToDictionary(c => c.Value, c => c.Key);
        foreach (var band in boxes.GroupBy(b => b.Row).OrderBy(g => g.Key))
        {
            var row = first + band.Key;
            while (rows.Count <= row)
            {
                rows.Add([]);
            }

            var cells = new List<Cell>();
            foreach (var box in band.OrderBy(b => b.Column))
            {
                int? index = indexOf.TryGetValue(box, out var at) ? at : null;
                var glyphs = index is { } i && words.TryGetValue(i + 1, out var read) ? read : [];
                var text = glyphs.Count == 0 ? "" : CellText(glyphs);
                var location = $"第{page}页第{row + 1}行";
                if (index is { } ci && ComparatorFix(text, image, crops[ci]) is { } fixedText)
                {
                    context.Report(Severity.Warning, FormatCodes.LowConfidence, location,
                        $"{location}（第 {box.Column + 1} 列）识别为“{text}”，按字形读作“{fixedText}”（OCR 不识 ≥、≤ 等比较符号），请与原件核对。");
                    cells.Add(new Cell(fixedText, row, box.Column, location, box.RowSpan, box.ColumnSpan, Mended));
                    continue;
                }

                cells.Add(new Cell(text, row, box.Column, location, box.RowSpan, box.ColumnSpan, glyphs.Count == 0 ? 1 : glyphs.Min(g => g.Confidence)));
            }

            rows[row] = cells;
        }

        var tableEnd = rows.Count;
        AddLines(below);
        context.Info(FormatCodes.ReadByOcr, where, $"第 {page} 页是扫描件或图片，文字由 OCR 逐格识别（表格 {tableEnd - first} 行），可能有错字，请与原件核对。");
        return Finish(new Grid(where, rows), context);
    }

    /// <summary>
    /// Whether the enlarged reading of a cell beats the plain one: a reading with a digit run into a Latin letter
    /// ("9095p" for "90%") loses to one without, a plain reading with its "%" stays; otherwise the surer reading wins.
    /// </summary>
    private static bool Better(List<Glyph> enlarged, List<Glyph> plain)
    {
        var plainText = string.Concat(plain.Select(g => g.Text));
        var a = Garbled(string.Concat(enlarged.Select(g => g.Text)));
        var b = Garbled(plainText);
        if (a != b)
        {
            return b;
        }

        // Enlarging blurs a "%" ("1005", "909%" for "100%", "90%"): one read at its own size is kept.
        return !plainText.Contains('%', StringComparison.Ordinal) && enlarged.Min(g => g.Confidence) > plain.Min(g => g.Confidence);
    }

    private static bool Garbled(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && char.IsAsciiLetter(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every crop recognised in one Tesseract run over the list of them, by crop number (1-based).</summary>
    private static Dictionary<int, List<Glyph>>? ReadCrops(ImageRules.Gray image, List<(int Left, int Top, int Right, int Bottom)> crops, int scale, ExternalTool.TempFolder temp, int page, FormatContext context, string languages = "chi_sim", int psm = 6)
    {
        var list = temp.File($"cells-{page}-{scale}-{languages}-{psm}.txt");
        using (var writer = new StreamWriter(list))
        {
            for (var i = 0; i < crops.Count; i++)
            {
                var path = temp.File($"cell-{page}-{scale}-{languages}-{psm}-{i + 1}.pgm");
                ImageRules.WritePgm(Crop(image, crops[i], scale), path);
                writer.WriteLine(path);
            }
        }

        return Recognise(list, context, $"第{page}页", table: true, languages, psm);
    }

    /// <summary>
    /// A crop's index in the list, or null when the box is too small or holds no ink (an empty cell is not
    /// recognised). The crop is the box's ink and no more: Tesseract, given a list of images, reads a lone digit in
    /// a wide empty cell as "】" once it has read a larger image before it.
    /// </summary>
    private static int? AddCrop(ImageRules.Gray image, List<(int Left, int Top, int Right, int Bottom)> crops, (int Left, int Top, int Right, int Bottom) box)
    {
        var (left, top, right, bottom) = (Math.Max(0, box.Left), Math.Max(0, box.Top), Math.Min(image.Width, box.Right), Math.Min(image.Height, box.Bottom));
        if (right - left < 6 || bottom - top < 6)
        {
            return null;
        }

        var ink = 0;
        var (minX, minY, maxX, maxY) = (int.MaxValue, int.MaxValue, -1, -1);
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                if (image.Pixels[y * image.Width + x] < 128)
                {
                    ink++;
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                }
            }
        }

        if (ink < 12)
        {
            return null;
        }

        crops.Add((minX, minY, maxX + 1, maxY + 1));
        return crops.Count - 1;
    }

    /// <summary>
    /// The box with a white margin, scaled up (bilinear) by <paramref name="scale"/>: Tesseract reads 汉字 of about 30
    /// pixels best, and a 150 dpi scan gives them 20 ("实际完成值" read as "实际完成什" at 1×, right at 2×).
    /// </summary>
    private static ImageRules.Gray Crop(ImageRules.Gray image, (int Left, int Top, int Right, int Bottom) box, int scale)
    {
        const int margin = 10;
        var (bw, bh) = (box.Right - box.Left, box.Bottom - box.Top);
        var (w, h) = (bw * scale + 2 * margin, bh * scale + 2 * margin);
        var pixels = new byte[w * h];
        Array.Fill(pixels, (byte)255);
        for (var y = 0; y < bh * scale; y++)
        {
            var fy = Math.Clamp((y + 0.5) / scale - 0.5, 0, bh - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(bh - 1, y0 + 1);
            var ty = fy - y0;
            for (var x = 0; x < bw * scale; x++)
            {
                var fx = Math.Clamp((x + 0.5) / scale - 0.5, 0, bw - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(bw - 1, x0 + 1);
                var tx = fx - x0;
                double At(int xx, int yy) => image.Pixels[(box.Top + yy) * image.Width + box.Left + xx];
                var top = At(x0, y0) * (1 - tx) + At(x1, y0) * tx;
                var bottom = At(x0, y1) * (1 - tx) + At(x1, y1) * tx;
                pixels[(y + margin) * w + x + margin] = (byte)Math.Round(top * (1 - ty) + bottom * ty);
            }
        }

        return new ImageRules.Gray(w, h, pixels);
    }

    /// <summary>A cell's words as one text: its lines joined (without a space between 汉字, a wrapped name made whole).</summary>
    private static string CellText(List<Glyph> glyphs)
    {
        var text = "";
        foreach (var line in WordLayout.Build("cell", glyphs, _ => "").Rows)
        {
            foreach (var part in line)
            {
                text = text.Length == 0 ? part.Text
                    : ReadingText.IsCjk(text[^1]) || (part.Text.Length > 0 && ReadingText.IsCjk(part.Text[0])) ? text + part.Text : text + " " + part.Text;
            }
        }

        return text.Trim();
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
        return Finish(WordLayout.Build(where, glyphs, line => $"第{page}页第{line}行"), context);
    }

    /// <summary>Every recognised cell mended (stray quotes, ≥ read as a 汉字), counted against the cell budget, and flagged when unsure.</summary>
    private static Grid Finish(Grid grid, FormatContext context)
    {
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var row in grid.Rows)
        {
            var kept = new List<Cell>();
            foreach (var read in row)
            {
                if (!context.TakeCell(read.Location))
                {
                    break;
                }

                var cell = read with { Text = Mend(read.Text) };
                if (cell.Text.Length == 0 && read.Text.Length > 0)
                {
                    continue;
                }

                if (cell.Confidence == Mended)
                {
                    kept.Add(cell with { Confidence = Unsure });
                    continue;
                }

                if (Comparator().Match(cell.Text) is { Success: true } lookalike && !ValuePrefixes.Contains(lookalike.Groups["g"].Value[0]))
                {
                    context.Report(Severity.Warning, FormatCodes.LowConfidence, cell.Location,
                        $"{cell.Location}（第 {cell.Column + 1} 列）识别为“{cell.Text}”，数字前的“{lookalike.Groups["g"].Value}”可能是误识的比较符号（≥、≤ 等），请与原件核对。");
                    kept.Add(cell with { Confidence = Unsure });
                    continue;
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
    /// <remarks>
    /// A ruled table is read as one block of lines (`--psm 6`): the automatic page layout drops short numbers standing
    /// alone in a far column (a 得分 column of "15", "5").
    /// </remarks>
    // chi_sim reads a clean page of simplified text at a mean confidence of 0.91–0.93 and one of traditional text at
    // 0.78–0.86, sometimes turning 臨 into 老; chi_tra reads the latter at 0.87–0.91 and simplified text 3–4 points lower.
    private const double SimplifiedUnsure = 0.9, ScriptMargin = 0.03;

    /// <summary>
    /// The page read with chi_sim, or with chi_tra where chi_sim was unsure of the page as a whole and chi_tra is
    /// surer by a margin: a traditional-script copy. Keys are simplified later (<see cref="ReadingText"/>), so both
    /// readings meet the same vocabulary.
    /// </summary>
    private static Dictionary<int, List<Glyph>>? RecogniseEitherScript(string image, FormatContext context, string? where)
    {
        var simplified = Recognise(image, context, where);
        if (simplified is null || MeanConfidence(simplified.Values.SelectMany(g => g)) >= SimplifiedUnsure || !TraditionalModel.Value)
        {
            return simplified;
        }

        var traditional = Recognise(image, context, where, languages: "chi_tra");
        if (traditional is not null && MeanConfidence(traditional.Values.SelectMany(g => g)) >= MeanConfidence(simplified.Values.SelectMany(g => g)) + ScriptMargin)
        {
            context.Info(FormatCodes.ReadByOcr, where ?? "图片", $"{where ?? "图片"}按繁体字识别（简体识别的可信度低，繁体更高）。");
            return traditional;
        }

        return simplified;
    }

    private static double MeanConfidence(IEnumerable<Glyph> glyphs) => glyphs.Select(g => g.Confidence).DefaultIfEmpty(1).Average();

    /// <summary>Whether Tesseract has its traditional Chinese model (Debian tesseract-ocr-chi-tra); without it chi_sim alone reads.</summary>
    private static readonly Lazy<bool> TraditionalModel = new(() =>
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("tesseract", "--list-langs")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            _ = process.StandardError.ReadToEndAsync();
            var languages = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return languages.Split('\n').Any(l => l.Trim() == "chi_tra");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    private static Dictionary<int, List<Glyph>>? Recognise(string image, FormatContext context, string? where, bool table = false, string languages = "chi_sim", int psm = 6)
    {
        string[] args = table ? [image, "-", "-l", languages, "--psm", psm.ToString(CultureInfo.InvariantCulture), "tsv"] : [image, "-", "-l", languages, "tsv"];
        var result = ExternalTool.Run(context, "tesseract", "tesseract-ocr 与 tesseract-ocr-chi-sim", args, where);
        if (result is null)
        {
            return null;
        }

        if (result.ExitCode != 0)
        {
            var missingLanguage = result.Error.Contains("chi_sim", StringComparison.Ordinal);
            context.Error(missingLanguage ? FormatCodes.ToolMissing : FormatCodes.ToolFailed, where, missingLanguage
                ? "文字识别需要 Tesseract 的简体中文语言包，但本机没有安装。请安装 Debian 软件包 tesseract-ocr-chi-sim 后重试。"
                : "图片无法识别（文件可能已损坏或不完整，或不是 Tesseract 能读的图片格式）。");
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

            var text = fields[11].Trim();
            // A lone stop or quote read with little confidence is the ghost of a table's rule, not the document's.
            if (confidence < 0.5 && text.All(c => c is '。' or '，' or '、' or '“' or '”' or '‘' or '’' or '"' or '\'' or '.' or ','))
            {
                continue;
            }

            AddSplitAtRules(glyphs, text, left, width, top, height, confidence);
        }

        if (pages.Count == 0)
        {
            pages[1] = [];
        }

        return pages;
    }
}

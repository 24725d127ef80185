using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Reporting.Documents;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Jixiao.Reporting.Docx;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as a .docx (WordprocessingML): styles carry the Chinese fonts (rFonts
/// eastAsia) so runs stay small; headings have outline levels (Word's navigation pane); tables repeat their header
/// rows on every page (tblHeader) and keep short rows whole (cantSplit); the footer holds the page number.
/// </summary>
public static class DocxRenderer
{
    // A4 in twips (1/20 pt). Margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    private const int A4Short = 11906;
    private const int A4Long = 16838;
    private const int LongRowText = 120;

    public static void Render(ReportDocument document, Stream output, DocxOptions? options = null)
    {
        options ??= DocxOptions.Default;
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document, true);
        var main = package.AddMainDocumentPart();
        AddStyles(main, options);
        AddFontTable(main, options);
        AddSettings(main);
        var footerId = AddFooter(main);
        package.PackageProperties.Title = document.Title;
        package.PackageProperties.Creator = "Jixiao";

        var landscape = document.Orientation == PageOrientation.Landscape;
        var margins = landscape
            ? new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }
            : new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U };
        var pageWidth = landscape ? A4Long : A4Short;
        var textWidth = pageWidth - (int)margins.Left!.Value - (int)margins.Right!.Value;

        var body = new Body();
        var context = new RenderContext(main, options, textWidth);
        foreach (var block in document.Blocks)
        {
            foreach (var element in RenderBlock(block, context))
            {
                body.Append(element);
            }
        }

        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize
            {
                Width = (UInt32Value)(uint)pageWidth,
                Height = (UInt32Value)(uint)(landscape ? A4Short : A4Long),
                Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
            },
            margins));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private sealed class RenderContext(MainDocumentPart main, DocxOptions options, int textWidth)
    {
        public MainDocumentPart Main { get; } = main;
        public DocxOptions Options { get; } = options;
        public int TextWidth { get; } = textWidth;
        public uint NextDrawingId { get; set; } = 1;
    }

    private static IEnumerable<OpenXmlElement> RenderBlock(Block block, RenderContext context)
    {
        switch (block)
        {
            case Block.Title t:
                yield return StyledParagraph("Title", t.Text);
                if (t.Subtitle is not null)
                {
                    yield return StyledParagraph("Subtitle", t.Subtitle);
                }

                break;
            case Block.Heading h:
                yield return StyledParagraph("Heading" + h.Level.ToString(CultureInfo.InvariantCulture), h.FullText);
                break;
            case Block.Paragraph p:
                yield return BodyParagraph(p);
                break;
            case Block.Table t:
                if (t.Caption is not null)
                {
                    yield return StyledParagraph("Caption", t.Caption);
                }

                yield return RenderTable(t, context);
                yield return new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact }));
                break;
            case Block.Chart c:
                yield return RenderChart(c.Model, context);
                break;
            case Block.PageBreak:
                yield return new Paragraph(new Run(new Break { Type = BreakValues.Page }));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "unknown block");
        }
    }

    private static Paragraph StyledParagraph(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), TextRunOf(text, false));

    private static Paragraph BodyParagraph(Block.Paragraph p)
    {
        var styleId = p.Style switch
        {
            ParagraphStyle.Body => "BodyText",
            ParagraphStyle.Plain => "PlainText",
            ParagraphStyle.Right => "RightText",
            ParagraphStyle.Center => "Caption",
            ParagraphStyle.Note => "Note",
            _ => throw new ArgumentOutOfRangeException(nameof(p)),
        };
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        foreach (var run in p.Runs)
        {
            paragraph.Append(TextRunOf(run.Text, run.Bold));
        }

        return paragraph;
    }

    /// <summary>A run; line breaks in the text become w:br.</summary>
    private static Run TextRunOf(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold(), new BoldComplexScript()));
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static Table RenderTable(Block.Table t, RenderContext context)
    {
        var totalWeight = t.Columns.Sum(c => c.Width);
        var widths = t.Columns.Select(c => (int)Math.Round(c.Width / totalWeight * context.TextWidth)).ToArray();
        var halfPoints = ((int)Math.Round(t.FontSizePoints * 2)).ToString(CultureInfo.InvariantCulture);

        var table = new Table();
        table.Append(new TableProperties(
            new TableStyle { Val = "GridTable" },
            new TableWidth { Width = context.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }),
            new TableLook { Val = "04A0", FirstRow = true, NoVerticalBand = true }));
        var grid = new TableGrid();
        foreach (var w in widths)
        {
            grid.Append(new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);

        // Remaining rows each grid column stays covered by a cell with RowSpan from a row above, and that cell's span.
        var covered = new int[widths.Length];
        var coveredSpan = new int[widths.Length];
        foreach (var (row, isHeader) in t.HeaderRows.Select(r => (r, true)).Concat(t.Rows.Select(r => (r, false))))
        {
            table.Append(RenderRow(t, row, isHeader, widths, covered, coveredSpan, halfPoints));
        }

        return table;
    }

    private static TableRow RenderRow(Block.Table t, Documents.TableRow row, bool isHeader, int[] widths, int[] covered,
        int[] coveredSpan, string halfPoints)
    {
        var rowProps = new TableRowProperties();
        var longText = row.Cells.Any(c => c.Text.Length > LongRowText);
        if (isHeader)
        {
            rowProps.Append(new TableHeader());
        }

        if (isHeader || !longText)
        {
            rowProps.Append(new CantSplit());
        }

        var tableRow = new TableRow(rowProps);
        var next = 0;
        var col = 0;
        while (col < widths.Length)
        {
            if (covered[col] > 0)
            {
                var span = coveredSpan[col];
                tableRow.Append(Cell(widths, col, span, "", CellAlign.Left, false, halfPoints, MergedCellValues.Continue));
                for (var k = col; k < col + span; k++)
                {
                    covered[k]--;
                }

                col += span;
                continue;
            }

            if (next >= row.Cells.Count)
            {
                // A short row: pad with empty cells so the grid stays rectangular.
                tableRow.Append(Cell(widths, col, 1, "", CellAlign.Left, false, halfPoints, null));
                col++;
                continue;
            }

            var cell = row.Cells[next++];
            var colSpan = Math.Min(cell.ColSpan, widths.Length - col);
            var align = cell.Align ?? (isHeader ? CellAlign.Center : t.Columns[col].Align);
            MergedCellValues? merge = null;
            if (cell.RowSpan > 1)
            {
                merge = MergedCellValues.Restart;
                for (var k = col; k < col + colSpan; k++)
                {
                    covered[k] = cell.RowSpan - 1;
                    coveredSpan[k] = colSpan;
                }
            }

            tableRow.Append(Cell(widths, col, colSpan, cell.Text, align, isHeader || row.Bold || cell.Bold, halfPoints, merge));
            col += colSpan;
        }

        return tableRow;
    }

    private static TableCell Cell(int[] widths, int col, int span, string text, CellAlign align, bool bold, string halfPoints,
        MergedCellValues? merge)
    {
        var width = widths.Skip(col).Take(span).Sum();
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            props.Append(new GridSpan { Val = span });
        }

        if (merge is not null)
        {
            props.Append(new VerticalMerge { Val = merge.Value });
        }

        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var paragraphProps = new ParagraphProperties(
            new ParagraphStyleId { Val = "TableText" },
            new Justification { Val = align switch { CellAlign.Center => JustificationValues.Center, CellAlign.Right => JustificationValues.Right, _ => JustificationValues.Left } });
        var run = TextRunOf(text, bold);
        var runProps = run.RunProperties ?? run.PrependChild(new RunProperties());
        runProps.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
        return new TableCell(props, new Paragraph(paragraphProps, run));
    }

    private static Paragraph RenderChart(Charts.ChartModel model, RenderContext context)
    {
        var chartPart = context.Main.AddNewPart<ChartPart>();
        using (var stream = chartPart.GetStream(FileMode.Create, FileAccess.Write))
        {
            DocxChartXml.Write(model, context.Options.Fonts, stream);
        }

        var relId = context.Main.GetIdOfPart(chartPart);
        var id = context.NextDrawingId++;
        const long EmuPerTwip = 635;
        var cx = context.TextWidth * EmuPerTwip;
        var cy = cx / 2;
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = "图表 " + id.ToString(CultureInfo.InvariantCulture), Description = model.Title },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relId })
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
            }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new KeepNext()),
            new Run(new Drawing(inline)));
    }

    private static void AddStyles(MainDocumentPart main, DocxOptions options)
    {
        var f = options.Fonts;
        var body = HalfPoints(options.BodySizePoints);
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(f.Body, f.Latin),
                    new FontSize { Val = body },
                    new FontSizeComplexScript { Val = body },
                    new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyleOf("Normal", "Normal", null, isDefault: true),
            ParagraphStyleOf("Title", "Title", "Normal",
                new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "360", Line = "480", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(f.Title, f.Latin), new Bold(), new FontSize { Val = HalfPoints(options.TitleSizePoints) }, new FontSizeComplexScript { Val = HalfPoints(options.TitleSizePoints) })),
            ParagraphStyleOf("Subtitle", "Subtitle", "Normal",
                new ParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(f.Heading2, f.Latin))),
            HeadingStyle(1, Fonts(f.Heading1, f.Latin), bold: false, options.BodySizePoints + 2),
            HeadingStyle(2, Fonts(f.Heading2, f.Latin), bold: true, options.BodySizePoints),
            HeadingStyle(3, Fonts(f.Body, f.Latin), bold: true, options.BodySizePoints),
            HeadingStyle(4, Fonts(f.Body, f.Latin), bold: false, options.BodySizePoints),
            ParagraphStyleOf("BodyText", "Body Text", "Normal",
                new ParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = Twips(2 * options.BodySizePoints) }, new Justification { Val = JustificationValues.Both })),
            ParagraphStyleOf("PlainText", "Plain Text", "Normal", new ParagraphProperties(new Justification { Val = JustificationValues.Left })),
            ParagraphStyleOf("RightText", "Right Text", "Normal", new ParagraphProperties(new Justification { Val = JustificationValues.Right })),
            ParagraphStyleOf("Caption", "caption", "Normal",
                new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(f.Heading1, f.Latin), new FontSize { Val = HalfPoints(options.BodySizePoints - 2) })),
            ParagraphStyleOf("Note", "Note", "Normal",
                new ParagraphProperties(new SpacingBetweenLines { Before = "60", After = "120" }),
                new StyleRunProperties(new FontSize { Val = HalfPoints(options.BodySizePoints - 3.5) })),
            ParagraphStyleOf("TableText", "Table Text", "Normal",
                new ParagraphProperties(new SpacingBetweenLines { Line = "280", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(Fonts(f.Table, f.Latin))),
            ParagraphStyleOf("Footer", "footer", "Normal",
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(f.Table, f.Latin), new FontSize { Val = "21" })),
            new Style(new StyleName { Val = "Grid Table" }, new UIPriority { Val = 59 })
            {
                Type = StyleValues.Table,
                StyleId = "GridTable",
            });
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    private static Style HeadingStyle(int level, RunFonts fonts, bool bold, double sizePoints)
    {
        var runProps = new StyleRunProperties(fonts);
        if (bold)
        {
            runProps.Append(new Bold());
        }

        runProps.Append(new FontSize { Val = HalfPoints(sizePoints) }, new FontSizeComplexScript { Val = HalfPoints(sizePoints) });
        var name = "heading " + level.ToString(CultureInfo.InvariantCulture);
        return ParagraphStyleOf("Heading" + level.ToString(CultureInfo.InvariantCulture), name, "Normal",
            new ParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = level == 1 ? "240" : "120", After = level == 1 ? "120" : "60" },
                new Indentation { FirstLineChars = 200, FirstLine = Twips(2 * sizePoints) },
                new OutlineLevel { Val = level - 1 }),
            runProps);
    }

    private static Style ParagraphStyleOf(string id, string name, string? basedOn, ParagraphProperties? paragraph = null,
        StyleRunProperties? run = null, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(new StyleParagraphProperties(paragraph.Elements().Select(e => e.CloneNode(true))));
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static RunFonts Fonts(string eastAsia, string latin) =>
        new() { Ascii = latin, HighAnsi = latin, EastAsia = eastAsia, ComplexScript = latin, Hint = FontTypeHintValues.EastAsia };

    /// <summary>Declares every font with its Linux alternative (w:altName) and the GB2312 charset.</summary>
    private static void AddFontTable(MainDocumentPart main, DocxOptions options)
    {
        var f = options.Fonts;
        var fonts = new Fonts();
        foreach (var name in new[] { f.Body, f.Heading1, f.Heading2, f.Title, f.Table }.Distinct(StringComparer.Ordinal))
        {
            var font = new Font { Name = name };
            var fallback = f.Fallback(name);
            if (fallback != name)
            {
                font.Append(new AltName { Val = fallback });
            }

            font.Append(
                new FontCharSet { Val = "86" },
                new FontFamily { Val = fallback == f.SansFallback ? FontFamilyValues.Swiss : FontFamilyValues.Roman },
                new Pitch { Val = FontPitchValues.Variable });
            fonts.Append(font);
        }

        fonts.Append(new Font(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Roman }, new Pitch { Val = FontPitchValues.Variable }) { Name = f.Latin });
        main.AddNewPart<FontTablePart>().Fonts = fonts;
    }

    private static void AddSettings(MainDocumentPart main)
    {
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = 420 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });
    }

    /// <summary>A centred footer "— 3 —" (the PAGE field), as official documents number pages.</summary>
    private static string AddFooter(MainDocumentPart main)
    {
        var footerPart = main.AddNewPart<FooterPart>();
        footerPart.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        return main.GetIdOfPart(footerPart);
    }

    private static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(CultureInfo.InvariantCulture);

    private static string Twips(double points) => ((int)Math.Round(points * 20)).ToString(CultureInfo.InvariantCulture);
}

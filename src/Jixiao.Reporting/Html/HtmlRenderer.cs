using System.Globalization;
using System.Net;
using System.Text;
using Jixiao.Reporting.Charts;
using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Documents;

namespace Jixiao.Reporting.Html;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as one self-contained HTML page for print (A4, the margins of the .docx,
/// page numbers in the bottom margin box, table headers repeated on every page by thead). Chromium prints it to PDF.
/// </summary>
public static class HtmlRenderer
{
    public static string Render(ReportDocument document, ChineseFonts? fonts = null)
    {
        fonts ??= ChineseFonts.Windows;
        var sb = new StringBuilder(64 * 1024);
        var landscape = document.Orientation == PageOrientation.Landscape;
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
          .Append(Esc(document.Title)).Append("</title>\n<style>\n")
          .Append(Css(fonts, landscape)).Append("</style>\n</head>\n<body>\n");
        foreach (var block in document.Blocks)
        {
            RenderBlock(sb, block);
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Css(ChineseFonts f, bool landscape)
    {
        var page = landscape ? "A4 landscape; margin: 20mm 20mm 20mm 20mm" : "A4; margin: 37mm 26mm 35mm 28mm";
        return $$"""
            @page { size: {{page}};
              @bottom-center { content: "— " counter(page) " —"; font-family: {{f.CssFamily(f.Table)}}; font-size: 10.5pt; } }
            html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            body { font-family: {{f.CssFamily(f.Body)}}; font-size: 14pt; line-height: 1.75; margin: 0; color: #000; }
            h1.title { font-family: {{f.CssFamily(f.Title)}}; font-size: 20pt; font-weight: bold; text-align: center; margin: 0.5em 0 0.2em; line-height: 1.5; }
            p.subtitle { font-family: {{f.CssFamily(f.Heading2)}}; text-align: center; margin: 0 0 1em; }
            h2, h3, h4, h5 { margin: 0.4em 0 0.2em; text-indent: 2em; break-after: avoid; page-break-after: avoid; }
            h2 { font-family: {{f.CssFamily(f.Heading1)}}; font-size: 16pt; font-weight: normal; }
            h3 { font-family: {{f.CssFamily(f.Heading2)}}; font-size: 14pt; font-weight: bold; }
            h4 { font-size: 14pt; font-weight: bold; }
            h5 { font-size: 14pt; font-weight: normal; }
            p { margin: 0; text-align: justify; }
            p.body { text-indent: 2em; }
            p.right { text-align: right; }
            p.center, p.caption { text-align: center; }
            p.caption { font-family: {{f.CssFamily(f.Heading1)}}; font-size: 12pt; margin-top: 0.5em; break-after: avoid; }
            p.note { font-size: 10.5pt; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.3em 0 0.6em;
              font-family: {{f.CssFamily(f.Table)}}; line-height: 1.4; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            tr.long { break-inside: auto; page-break-inside: auto; }
            th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
            th { font-weight: bold; text-align: center; }
            tr.bold td { font-weight: bold; }
            .l { text-align: left; } .c { text-align: center; } .r { text-align: right; }
            .chart-box { text-align: center; margin: 0.3em 0 0.6em; break-inside: avoid; }
            svg.chart { width: 100%; max-width: 16cm; height: auto; font-family: {{f.CssFamily(f.Table)}}; }
            svg .chart-title { font-family: {{f.CssFamily(f.Heading1)}}; font-size: 15px; }
            svg .chart-axis, svg .chart-value { font-size: 12px; }
            .page-break { break-after: page; page-break-after: always; }

            """;
    }

    private static void RenderBlock(StringBuilder sb, Block block)
    {
        switch (block)
        {
            case Block.Title t:
                sb.Append("<h1 class=\"title\">").Append(Esc(t.Text)).Append("</h1>\n");
                if (t.Subtitle is not null)
                {
                    sb.Append("<p class=\"subtitle\">").Append(Esc(t.Subtitle)).Append("</p>\n");
                }

                break;
            case Block.Heading h:
                var tag = "h" + (h.Level + 1).ToString(CultureInfo.InvariantCulture);
                sb.Append('<').Append(tag).Append('>').Append(Esc(h.FullText)).Append("</").Append(tag).Append(">\n");
                break;
            case Block.Paragraph p:
                var cls = p.Style switch
                {
                    ParagraphStyle.Body => "body",
                    ParagraphStyle.Plain => "plain",
                    ParagraphStyle.Right => "right",
                    ParagraphStyle.Center => "center",
                    ParagraphStyle.Note => "note",
                    _ => "body",
                };
                sb.Append("<p class=\"").Append(cls).Append("\">");
                foreach (var run in p.Runs)
                {
                    sb.Append(run.Bold ? "<b>" : "").Append(Esc(run.Text)).Append(run.Bold ? "</b>" : "");
                }

                sb.Append("</p>\n");
                break;
            case Block.Table t:
                RenderTable(sb, t);
                break;
            case Block.Chart c:
                sb.Append("<div class=\"chart-box\">").Append(SvgChart.Render(c.Model)).Append("</div>\n");
                break;
            case Block.PageBreak:
                sb.Append("<div class=\"page-break\"></div>\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "unknown block");
        }
    }

    private static void RenderTable(StringBuilder sb, Block.Table t)
    {
        if (t.Caption is not null)
        {
            sb.Append("<p class=\"caption\">").Append(Esc(t.Caption)).Append("</p>\n");
        }

        var total = t.Columns.Sum(c => c.Width);
        sb.Append(CultureInfo.InvariantCulture, $"<table style=\"font-size:{t.FontSizePoints:0.#}pt\">\n<colgroup>");
        foreach (var c in t.Columns)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<col style=\"width:{c.Width / total * 100:0.##}%\">");
        }

        sb.Append("</colgroup>\n<thead>\n");
        var covered = new int[t.Columns.Count];
        foreach (var row in t.HeaderRows)
        {
            RenderRow(sb, t, row, "th", covered);
        }

        sb.Append("</thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            RenderRow(sb, t, row, "td", covered);
        }

        sb.Append("</tbody>\n</table>\n");
    }

    private static void RenderRow(StringBuilder sb, Block.Table t, TableRow row, string cellTag, int[] covered)
    {
        var classes = new List<string>(2);
        if (row.Bold)
        {
            classes.Add("bold");
        }

        if (row.Cells.Any(c => c.Text.Length > 120))
        {
            classes.Add("long");
        }

        sb.Append(classes.Count > 0 ? $"<tr class=\"{string.Join(' ', classes)}\">" : "<tr>");
        var col = 0;
        foreach (var cell in row.Cells)
        {
            while (col < covered.Length && covered[col] > 0)
            {
                covered[col]--;
                col++;
            }

            if (col >= covered.Length)
            {
                break;
            }

            var align = cell.Align ?? (cellTag == "th" ? CellAlign.Center : t.Columns[col].Align);
            sb.Append('<').Append(cellTag);
            if (cell.ColSpan > 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"");
            }

            if (cell.RowSpan > 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
                for (var k = col; k < Math.Min(covered.Length, col + cell.ColSpan); k++)
                {
                    covered[k] = cell.RowSpan - 1;
                }
            }

            sb.Append(" class=\"").Append(align switch { CellAlign.Center => "c", CellAlign.Right => "r", _ => "l" }).Append('"').Append('>');
            sb.Append(cell.Bold ? "<b>" : "").Append(Esc(cell.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append(cell.Bold ? "</b>" : "");
            sb.Append("</").Append(cellTag).Append('>');
            col += cell.ColSpan;
        }

        for (; col < covered.Length; col++)
        {
            if (covered[col] > 0)
            {
                covered[col]--;
            }
        }

        sb.Append("</tr>\n");
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}

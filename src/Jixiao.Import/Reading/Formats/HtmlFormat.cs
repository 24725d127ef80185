using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Jixiao.Import.Text;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// A web page as saved from a browser (or an ".xls" that a finance system wrote as HTML): each &lt;table&gt; is a grid
/// "表N" with rowspan/colspan; the text outside tables is a grid "正文N" of one-cell rows, one per block element or
/// &lt;br&gt; line. A table inside a table cell is its own grid "表N-M" after its parent. The charset comes from a BOM,
/// else a &lt;meta charset&gt; / http-equiv, else the bytes (UTF-8, or GB18030 which also reads GBK and GB2312).
/// </summary>
internal static partial class HtmlFormat
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "header",
        "footer", "main", "nav", "aside", "blockquote", "pre", "form", "fieldset", "address", "figure", "figcaption", "hr",
        "caption", "center", "title", "body", "html",
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "select", "option",
    };

    public static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\r', '\n', '\t');
        return HtmlStart().IsMatch(text) || text.Contains("<table", StringComparison.OrdinalIgnoreCase) && text.Contains("</t", StringComparison.OrdinalIgnoreCase);
    }

    public static List<Grid> Read(byte[] bytes, FormatContext context)
    {
        var text = Decode(bytes);
        var document = new HtmlParser().ParseDocument(text);
        var reader = new Reader(context);
        if (document.Body is { } body)
        {
            reader.Walk(body);
        }

        reader.FlushLine();
        reader.FlushText();
        return reader.Grids;
    }

    /// <summary>The page's text: BOM, then the declared charset, then what the bytes are.</summary>
    public static string Decode(byte[] bytes)
    {
        var detection = TextDecoder.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)), bytes.Length <= 64 * 1024);
        if (detection.BomLength > 0)
        {
            return detection.Encoding!.GetString(bytes, detection.BomLength, bytes.Length - detection.BomLength);
        }

        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        if (Charset().Match(head) is { Success: true } match)
        {
            var name = match.Groups[1].Value.Trim().ToLowerInvariant();
            // Browsers read a page labelled gb2312 or gbk as GBK's superset; GB18030 is that superset's superset.
            name = name is "gb2312" or "gbk" or "x-gbk" or "gb_2312-80" or "cp936" ? "GB18030" : name;
            try
            {
                return Encoding.GetEncoding(name).GetString(bytes);
            }
            catch (ArgumentException)
            {
                // An unknown label: decide from the bytes.
            }
        }

        return (detection.Encoding ?? TextDecoder.GB18030).GetString(bytes);
    }

    [GeneratedRegex(@"^(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|table)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    [GeneratedRegex(@"[ \t\r\n\f\u00A0]+")]
    private static partial Regex Spaces();

    private static string Clean(string text) => Spaces().Replace(text, " ").Trim();

    private sealed class Reader(FormatContext context)
    {
        private readonly StringBuilder line = new();
        private readonly List<string> lines = [];
        private int texts;
        private int tables;

        public List<Grid> Grids { get; } = [];

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (!context.CellsLeft)
                {
                    return;
                }

                switch (child)
                {
                    case IText text:
                        line.Append(text.Data);
                        break;
                    case IHtmlTableElement table:
                        FlushLine();
                        FlushText();
                        tables++;
                        Table($"表{tables}", table);
                        break;
                    case IElement element when Ignored.Contains(element.LocalName):
                        break;
                    case IElement { LocalName: "br" }:
                        FlushLine();
                        break;
                    case IElement element when Blocks.Contains(element.LocalName) || element.LocalName == "tr":
                        FlushLine();
                        Walk(element);
                        FlushLine();
                        break;
                    case IElement element:
                        Walk(element);
                        break;
                    default:
                        break;
                }
            }
        }

        public void FlushLine()
        {
            var text = Clean(line.ToString());
            line.Clear();
            if (text.Length > 0)
            {
                lines.Add(text);
            }
        }

        public void FlushText()
        {
            if (lines.Count == 0)
            {
                return;
            }

            texts++;
            var name = $"正文{texts}";
            Grids.Add(TextFormat.Lines(name, lines, n => $"{name} 第{n}行", context));
            lines.Clear();
        }

        private void Table(string name, IHtmlTableElement table)
        {
            var nested = new List<IHtmlTableElement>();
            var builder = new TableBuilder(name, context);
            foreach (var row in table.Rows)
            {
                builder.StartRow();
                foreach (var cell in row.Cells)
                {
                    var text = CellText(cell, nested);
                    if (!builder.Add(text, (r, c) => $"{name} 第{r + 1}行第{c + 1}列", Span(cell.RowSpan), Span(cell.ColumnSpan)))
                    {
                        break;
                    }
                }
            }

            if (table.Caption is { } caption && Clean(caption.TextContent) is { Length: > 0 } title)
            {
                lines.Add(title);
                FlushText();
            }

            Grids.Add(builder.Build());
            for (var i = 0; i < nested.Count; i++)
            {
                Table($"{name}-{i + 1}", nested[i]);
            }
        }

        /// <summary>rowspan="0" means "to the end of the section" in HTML; 1 is the safe reading of it here.</summary>
        private static int Span(int span) => span <= 0 ? 1 : Math.Min(span, 1000);

        private static string CellText(IHtmlTableCellElement cell, List<IHtmlTableElement> nested)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            Collect(cell);
            Flush();
            return string.Join("\n", parts);

            void Collect(INode node)
            {
                foreach (var child in node.ChildNodes)
                {
                    switch (child)
                    {
                        case IText text:
                            current.Append(text.Data);
                            break;
                        case IHtmlTableElement table:
                            nested.Add(table);
                            break;
                        case IElement element when Ignored.Contains(element.LocalName):
                            break;
                        case IElement { LocalName: "br" }:
                            Flush();
                            break;
                        case IElement element when Blocks.Contains(element.LocalName):
                            Flush();
                            Collect(element);
                            Flush();
                            break;
                        default:
                            Collect(child);
                            break;
                    }
                }
            }

            void Flush()
            {
                var text = Clean(current.ToString());
                current.Clear();
                if (text.Length > 0)
                {
                    parts.Add(text);
                }
            }
        }
    }
}

using System.Globalization;
using System.Text;
using System.Xml;
using Jixiao.Reporting.Charts;

namespace Jixiao.Reporting.Docx;

/// <summary>
/// Writes a <see cref="ChartModel"/> as a DrawingML chart part (c:chartSpace) with cached values, so Word and
/// LibreOffice draw it natively. The cache is the chart's data; there is no embedded workbook.
/// </summary>
internal static class DocxChartXml
{
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void Write(ChartModel chart, ChineseFonts fonts, Stream output)
    {
        using var w = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        w.WriteStartDocument(true);
        w.WriteStartElement("c", "chartSpace", C);
        w.WriteAttributeString("xmlns", "a", null, A);
        w.WriteAttributeString("xmlns", "r", null, R);
        Val(w, "roundedCorners", "0");
        w.WriteStartElement("chart", C);
        Title(w, chart.Title, fonts.Heading1, fonts.Latin, 1200, bold: true);
        Val(w, "autoTitleDeleted", "0");
        w.WriteStartElement("plotArea", C);
        w.WriteElementString("layout", C, "");
        w.WriteStartElement("barChart", C);
        Val(w, "barDir", chart.Kind == ChartKind.Bar ? "bar" : "col");
        Val(w, "grouping", "clustered");
        Val(w, "varyColors", "0");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            Series(w, chart, s);
        }

        Val(w, "gapWidth", "80");
        Val(w, "axId", "100");
        Val(w, "axId", "200");
        w.WriteEndElement(); // barChart

        w.WriteStartElement("catAx", C);
        Val(w, "axId", "100");
        w.WriteStartElement("scaling", C);
        Val(w, "orientation", chart.Kind == ChartKind.Bar ? "maxMin" : "minMax");
        w.WriteEndElement();
        Val(w, "delete", "0");
        Val(w, "axPos", chart.Kind == ChartKind.Bar ? "l" : "b");
        NumFmt(w);
        Val(w, "majorTickMark", "none");
        Val(w, "minorTickMark", "none");
        Val(w, "tickLblPos", "nextTo");
        Val(w, "crossAx", "200");
        Val(w, "crosses", "autoZero");
        Val(w, "auto", "1");
        Val(w, "lblAlgn", "ctr");
        Val(w, "lblOffset", "100");
        Val(w, "noMultiLvlLbl", "0");
        w.WriteEndElement(); // catAx

        w.WriteStartElement("valAx", C);
        Val(w, "axId", "200");
        w.WriteStartElement("scaling", C);
        Val(w, "orientation", "minMax");
        var (max, step) = chart.Axis;
        Val(w, "max", Number(max));
        Val(w, "min", "0");
        w.WriteEndElement();
        Val(w, "delete", "0");
        Val(w, "axPos", chart.Kind == ChartKind.Bar ? "b" : "l");
        w.WriteStartElement("majorGridlines", C);
        Line(w, "D9D9D9");
        w.WriteEndElement();
        Title(w, $"（{chart.ValueUnit}）", fonts.Table, fonts.Latin, 900, bold: false, horizontal: true);
        NumFmt(w);
        Val(w, "majorTickMark", "out");
        Val(w, "minorTickMark", "none");
        Val(w, "tickLblPos", "nextTo");
        Val(w, "crossAx", "100");
        Val(w, "crosses", "autoZero");
        Val(w, "crossBetween", "between");
        Val(w, "majorUnit", Number(step));
        w.WriteEndElement(); // valAx
        w.WriteEndElement(); // plotArea

        w.WriteStartElement("legend", C);
        Val(w, "legendPos", "b");
        Val(w, "overlay", "0");
        w.WriteEndElement();
        Val(w, "plotVisOnly", "1");
        Val(w, "dispBlanksAs", "gap");
        w.WriteEndElement(); // chart

        w.WriteStartElement("txPr", C);
        w.WriteElementString("bodyPr", A, "");
        w.WriteElementString("lstStyle", A, "");
        w.WriteStartElement("p", A);
        w.WriteStartElement("pPr", A);
        DefaultRunProperties(w, fonts.Table, fonts.Latin, 1000, bold: false);
        w.WriteEndElement();
        w.WriteStartElement("endParaRPr", A);
        w.WriteAttributeString("lang", "zh-CN");
        w.WriteEndElement();
        w.WriteEndElement(); // p
        w.WriteEndElement(); // txPr
        w.WriteEndElement(); // chartSpace
    }

    private static void Series(XmlWriter w, ChartModel chart, int index)
    {
        var series = chart.Series[index];
        var column = (char)('B' + index);
        w.WriteStartElement("ser", C);
        Val(w, "idx", index.ToString(CultureInfo.InvariantCulture));
        Val(w, "order", index.ToString(CultureInfo.InvariantCulture));
        w.WriteStartElement("tx", C);
        StringReference(w, $"Sheet1!${column}$1", [series.Name]);
        w.WriteEndElement();
        w.WriteStartElement("spPr", C);
        w.WriteStartElement("solidFill", A);
        w.WriteStartElement("srgbClr", A);
        w.WriteAttributeString("val", series.Color);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        Val(w, "invertIfNegative", "0");
        w.WriteStartElement("dLbls", C);
        Val(w, "showLegendKey", "0");
        Val(w, "showVal", "1");
        Val(w, "showCatName", "0");
        Val(w, "showSerName", "0");
        Val(w, "showPercent", "0");
        Val(w, "showBubbleSize", "0");
        w.WriteEndElement();
        var last = (chart.Categories.Count + 1).ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement("cat", C);
        StringReference(w, $"Sheet1!$A$2:$A${last}", chart.Categories);
        w.WriteEndElement();
        w.WriteStartElement("val", C);
        w.WriteStartElement("numRef", C);
        w.WriteElementString("f", C, $"Sheet1!${column}$2:${column}${last}");
        w.WriteStartElement("numCache", C);
        w.WriteElementString("formatCode", C, "General");
        Val(w, "ptCount", series.Values.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < series.Values.Count; i++)
        {
            Point(w, i, Number(series.Values[i]));
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement(); // val
        w.WriteEndElement(); // ser
    }

    private static void StringReference(XmlWriter w, string formula, IReadOnlyList<string> values)
    {
        w.WriteStartElement("strRef", C);
        w.WriteElementString("f", C, formula);
        w.WriteStartElement("strCache", C);
        Val(w, "ptCount", values.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < values.Count; i++)
        {
            Point(w, i, values[i]);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Point(XmlWriter w, int index, string value)
    {
        w.WriteStartElement("pt", C);
        w.WriteAttributeString("idx", index.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("v", C, value);
        w.WriteEndElement();
    }

    /// <summary>A chart or axis title; <paramref name="horizontal"/> keeps a value-axis title upright (a rotated "个" reads as an arrow).</summary>
    private static void Title(XmlWriter w, string text, string eastAsia, string latin, int size, bool bold, bool horizontal = false)
    {
        w.WriteStartElement("title", C);
        w.WriteStartElement("tx", C);
        w.WriteStartElement("rich", C);
        w.WriteStartElement("bodyPr", A);
        if (horizontal)
        {
            w.WriteAttributeString("rot", "0");
            w.WriteAttributeString("vert", "horz");
        }

        w.WriteEndElement();
        w.WriteElementString("lstStyle", A, "");
        w.WriteStartElement("p", A);
        w.WriteStartElement("pPr", A);
        DefaultRunProperties(w, eastAsia, latin, size, bold);
        w.WriteEndElement();
        w.WriteStartElement("r", A);
        w.WriteStartElement("rPr", A);
        w.WriteAttributeString("lang", "zh-CN");
        w.WriteAttributeString("sz", size.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("b", bold ? "1" : "0");
        Typefaces(w, eastAsia, latin);
        w.WriteEndElement();
        w.WriteElementString("t", A, text);
        w.WriteEndElement(); // r
        w.WriteEndElement(); // p
        w.WriteEndElement(); // rich
        w.WriteEndElement(); // tx
        Val(w, "overlay", "0");
        w.WriteEndElement(); // title
    }

    private static void DefaultRunProperties(XmlWriter w, string eastAsia, string latin, int size, bool bold)
    {
        w.WriteStartElement("defRPr", A);
        w.WriteAttributeString("sz", size.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("b", bold ? "1" : "0");
        Typefaces(w, eastAsia, latin);
        w.WriteEndElement();
    }

    private static void Typefaces(XmlWriter w, string eastAsia, string latin)
    {
        w.WriteStartElement("latin", A);
        w.WriteAttributeString("typeface", latin);
        w.WriteEndElement();
        w.WriteStartElement("ea", A);
        w.WriteAttributeString("typeface", eastAsia);
        w.WriteEndElement();
    }

    private static void Line(XmlWriter w, string color)
    {
        w.WriteStartElement("spPr", C);
        w.WriteStartElement("ln", A);
        w.WriteStartElement("solidFill", A);
        w.WriteStartElement("srgbClr", A);
        w.WriteAttributeString("val", color);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void NumFmt(XmlWriter w)
    {
        w.WriteStartElement("numFmt", C);
        w.WriteAttributeString("formatCode", "General");
        w.WriteAttributeString("sourceLinked", "0");
        w.WriteEndElement();
    }

    private static void Val(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name, C);
        w.WriteAttributeString("val", value);
        w.WriteEndElement();
    }

    private static string Number(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}

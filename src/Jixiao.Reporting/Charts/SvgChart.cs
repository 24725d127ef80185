using System.Globalization;
using System.Net;
using System.Text;

namespace Jixiao.Reporting.Charts;

/// <summary>Draws a <see cref="ChartModel"/> as a self-contained inline SVG (no script, fonts from the page).</summary>
public static class SvgChart
{
    private const double Width = 640;
    private const double Height = 320;
    private const double Left = 56;
    private const double Right = 16;
    private const double Top = 40;
    private const double Bottom = 64;

    public static string Render(ChartModel chart)
    {
        var sb = new StringBuilder(4096);
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Esc(chart.Title)}\">");
        sb.Append(inv, $"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" class=\"chart-title\">{Esc(chart.Title)}</text>");

        var (max, step) = chart.Axis;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var ticks = (int)(max / step);
        for (var i = 0; i <= ticks; i++)
        {
            var v = step * i;
            var y = Top + plotH - (double)(v / max) * plotH;
            sb.Append(inv, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>");
            sb.Append(inv, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"chart-axis\">{Number(v)}</text>");
        }

        sb.Append(inv, $"<text x=\"{Left - 6}\" y=\"{Top - 12}\" text-anchor=\"end\" class=\"chart-axis\">（{Esc(chart.ValueUnit)}）</text>");

        var n = Math.Max(1, chart.Categories.Count);
        var groupW = plotW / n;
        var seriesCount = Math.Max(1, chart.Series.Count);
        var barW = Math.Min(48, groupW * 0.7 / seriesCount);
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var groupX = Left + c * groupW + (groupW - barW * seriesCount) / 2;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var series = chart.Series[s];
                var value = c < series.Values.Count ? series.Values[c] : 0m;
                var h = max == 0 ? 0 : (double)(value / max) * plotH;
                var x = groupX + s * barW;
                var y = Top + plotH - h;
                sb.Append(inv, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barW - 2:0.#}\" height=\"{h:0.#}\" fill=\"#{series.Color}\"/>");
                sb.Append(inv, $"<text x=\"{x + (barW - 2) / 2:0.#}\" y=\"{y - 4:0.#}\" text-anchor=\"middle\" class=\"chart-value\">{Number(value)}</text>");
            }

            sb.Append(inv, $"<text x=\"{Left + c * groupW + groupW / 2:0.#}\" y=\"{Top + plotH + 18:0.#}\" text-anchor=\"middle\" class=\"chart-axis\">{Esc(chart.Categories[c])}</text>");
        }

        sb.Append(inv, $"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Width - Right}\" y2=\"{Top + plotH}\" stroke=\"#595959\" stroke-width=\"1\"/>");

        var legendX = Width / 2 - chart.Series.Count * 40;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var x = legendX + s * 80;
            var y = Height - 22;
            sb.Append(inv, $"<rect x=\"{x:0.#}\" y=\"{y - 10:0.#}\" width=\"12\" height=\"12\" fill=\"#{chart.Series[s].Color}\"/>");
            sb.Append(inv, $"<text x=\"{x + 16:0.#}\" y=\"{y:0.#}\" class=\"chart-axis\">{Esc(chart.Series[s].Name)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A round upper bound for the value axis (10, 20, 25, 50 … times a power of ten).</summary>
    public static decimal NiceMax(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Number(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}

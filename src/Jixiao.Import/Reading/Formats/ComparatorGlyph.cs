namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Tesseract's chi_sim model does not know ≥ ≤ ≧ ≦: at 150 and 300 dpi it reads them as 六, 们, 入, 到, 立, 至 … or
/// drops them. The first glyph of a value cell is therefore looked at in the pixels: an angle (its two ends on one
/// side, its point on the other) over one bar is ≥ or ≤, over two bars ≧ or ≦, with none &gt; or &lt;. Anything
/// else is left as Tesseract read it.
/// </summary>
internal static class ComparatorGlyph
{
    private readonly record struct Part(int MinX, int MinY, int MaxX, int MaxY, List<(int X, int Y)> Pixels)
    {
        public int Width => MaxX - MinX + 1;

        public int Height => MaxY - MinY + 1;
    }

    /// <summary>The comparator the leftmost glyph of the box draws, or null when it draws none.</summary>
    public static string? Read(ImageRules.Gray image, (int Left, int Top, int Right, int Bottom) box)
    {
        var parts = Parts(image, box);
        if (parts.Count < 2)
        {
            return null;
        }

        // The glyph is the leftmost of the first line: where the value wraps ("≤202.6万" over "元") the second line's
        // parts are not beside it, and it is measured against the first line's height (an angle is over half of it).
        var highest = parts.MinBy(p => p.MinY);
        var line = parts.Where(p => p.MinY <= highest.MaxY && p.MaxY >= highest.MinY).ToList();
        var first = line.MinBy(p => p.MinX);
        parts = [.. parts.Where(p => p.MinY <= first.MaxY + first.Height)];
        var lineHeight = line.Max(p => p.MaxY) - line.Min(p => p.MinY) + 1;
        // The glyph: the parts that start within the first part's width (an angle and the bars under it).
        var glyph = parts.Where(p => p.MinX <= first.MaxX && p.MaxX <= first.MaxX + first.Width).ToList();
        var angle = glyph.MaxBy(p => p.Height);
        if (angle.Height < lineHeight * 0.4 || angle.Width < 3 || angle.Height < 5)
        {
            return null;
        }

        var bars = glyph.Where(p => !p.Equals(angle) && p.Height * 3 <= p.Width && p.Width >= angle.Width * 0.6 && p.MinY > angle.MinY + angle.Height / 2).ToList();
        if (glyph.Count != bars.Count + 1 || bars.Count > 2)
        {
            return null;
        }

        // Mean x of the angle's ink in its top, middle and bottom thirds: the point is where the middle leans.
        double Mean(int from, int to) => angle.Pixels.Where(p => p.Y >= from && p.Y < to).Select(p => (double)p.X).DefaultIfEmpty(double.NaN).Average();
        var third = angle.Height / 3.0;
        var top = Mean(angle.MinY, (int)(angle.MinY + third));
        var middle = Mean((int)(angle.MinY + third), (int)(angle.MinY + 2 * third));
        var bottom = Mean((int)(angle.MinY + 2 * third), angle.MaxY + 1);
        if (double.IsNaN(top) || double.IsNaN(middle) || double.IsNaN(bottom))
        {
            return null;
        }

        var lean = middle - (top + bottom) / 2;
        if (Math.Abs(lean) < angle.Width * 0.2 || Math.Abs(top - bottom) > angle.Width * 0.35)
        {
            return null;
        }

        var greater = lean > 0;
        return (greater, bars.Count) switch
        {
            (true, 0) => ">",
            (true, 1) => "≥",
            (true, _) => "≧",
            (false, 0) => "<",
            (false, 1) => "≤",
            _ => "≦",
        };
    }

    private static List<Part> Parts(ImageRules.Gray image, (int Left, int Top, int Right, int Bottom) box)
    {
        var (w, h) = (box.Right - box.Left, box.Bottom - box.Top);
        if (w <= 0 || h <= 0 || (long)w * h > 4_000_000)
        {
            return [];
        }

        return ImageRules.Blobs(w, h, (x, y) => image.Pixels[(box.Top + y) * image.Width + box.Left + x] < 128, withPixels: true)
            .Where(b => b.Pixels!.Count >= 3)
            .Select(b => new Part(b.MinX, b.MinY, b.MaxX, b.MaxY, b.Pixels!))
            .ToList();
    }
}

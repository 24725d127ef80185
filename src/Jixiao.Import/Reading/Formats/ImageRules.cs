using System.Text;
using StbImageSharp;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// The drawn lines of a scanned or photographed table, found in its pixels: a rule is a long, thin run of dark
/// pixels (a component of the pixels that lie on horizontal — or vertical — dark runs, far wider than tall). The
/// rules become the same row bands and column borders a PDF's drawn paths give (<see cref="WordLayout.HRule"/>), so a
/// wrapped name stays one cell and each value lands in its column; and the rules are whitened out of the image given
/// to Tesseract, which otherwise reads them as "|", "一" or "_" glued to the text beside them.
/// Images are decoded by StbImageSharp (managed) after their size is checked, so a crafted header cannot make a
/// huge allocation.
/// </summary>
internal static class ImageRules
{
    /// <summary>The largest image looked at for rules (an A4 page at 600 dpi is 35 Mpx).</summary>
    public const long MaxPixels = 40_000_000;

    public sealed record Gray(int Width, int Height, byte[] Pixels);

    public sealed record Found(List<WordLayout.HRule> Rules, Gray Cleaned);

    /// <summary>The image as 8-bit gray, or null when it is not an image StbImageSharp reads or is too large.</summary>
    public static Gray? Decode(byte[] bytes)
    {
        try
        {
            using (var probe = new MemoryStream(bytes, writable: false))
            {
                var info = ImageInfo.FromStream(probe);
                if (info is not { } i || i.Width <= 0 || i.Height <= 0 || (long)i.Width * i.Height > MaxPixels)
                {
                    return null;
                }
            }

            var image = ImageResult.FromMemory(bytes, ColorComponents.Grey);
            return image.Data.Length == image.Width * image.Height ? new Gray(image.Width, image.Height, image.Data) : null;
        }
#pragma warning disable CA1031 // A picture that cannot be decoded is still given to Tesseract, only without rules.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The table rules of the image and a copy with them whitened; null when it has no table (fewer than 3 rules).</summary>
    public static Found? Find(Gray image)
    {
        var (w, h, px) = (image.Width, image.Height, image.Pixels);
        var dark = new bool[w * h];
        for (var i = 0; i < dark.Length; i++)
        {
            dark[i] = px[i] < 150;
        }

        // A rule is at least a short table cell long: 1/25 of the page's width across, 1/40 of its height down.
        var minRun = Math.Max(12, Math.Min(w, h) / 60);
        var horizontal = Runs(dark, w, h, minRun, across: true);
        var vertical = Runs(dark, w, h, minRun, across: false);
        var rules = new List<WordLayout.HRule>();
        var erase = new List<(int MinX, int MinY, int MaxX, int MaxY, bool[] Mask)>();
        foreach (var c in Components(horizontal, w, h))
        {
            var (width, height) = (c.MaxX - c.MinX + 1, c.MaxY - c.MinY + 1);
            if (width >= w / 25 && height <= width / 40 + 6)
            {
                rules.Add(new WordLayout.HRule((c.MinY + c.MaxY) / 2.0, c.MinX, c.MaxX));
                erase.Add((c.MinX, c.MinY, c.MaxX, c.MaxY, horizontal));
            }
        }

        var xs = new List<(double X, int Top, int Bottom)>();
        foreach (var c in Components(vertical, w, h))
        {
            var (width, height) = (c.MaxX - c.MinX + 1, c.MaxY - c.MinY + 1);
            if (height >= h / 40 && width <= height / 40 + 6)
            {
                xs.Add(((c.MinX + c.MaxX) / 2.0, c.MinY, c.MaxY));
                erase.Add((c.MinX, c.MinY, c.MaxX, c.MaxY, vertical));
            }
        }

        if (rules.Count < 3)
        {
            return null;
        }

        // Pieces of one column border (cut by merged cells, or a little skewed) are one x.
        var tolerance = Math.Max(4.0, w / 300.0);
        var columns = Cluster(xs.Select(x => x.X).OrderBy(x => x).ToList(), tolerance).ToList();
        foreach (var (x, top, bottom) in xs)
        {
            var column = columns.MinBy(c => Math.Abs(c - x));
            rules.Add(new WordLayout.HRule(double.NaN, column, column, top, bottom));
        }

        var cleaned = (byte[])px.Clone();
        foreach (var (minX, minY, maxX, maxY, mask) in erase)
        {
            // The rule and its anti-aliased fringe (gray, not dark): Tesseract's own threshold would keep the fringe as a stroke.
            for (var y = Math.Max(0, minY - Fringe); y <= Math.Min(h - 1, maxY + Fringe); y++)
            {
                for (var x = Math.Max(0, minX - Fringe); x <= Math.Min(w - 1, maxX + Fringe); x++)
                {
                    if (mask[y * w + x] || (px[y * w + x] < 230 && Near(mask, w, h, x, y)))
                    {
                        cleaned[y * w + x] = 255;
                    }
                }
            }
        }

        return new Found(rules, new Gray(w, h, cleaned));
    }

    /// <summary>The image as binary PGM (P5), which Tesseract (Leptonica) reads.</summary>
    public static void WritePgm(Gray image, string path)
    {
        using var file = File.Create(path);
        var header = Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n255\n");
        file.Write(header);
        file.Write(image.Pixels);
    }

    private const int Fringe = 2;

    private static bool Near(bool[] mask, int w, int h, int x, int y)
    {
        for (var dy = -Fringe; dy <= Fringe; dy++)
        {
            for (var dx = -Fringe; dx <= Fringe; dx++)
            {
                var (nx, ny) = (x + dx, y + dy);
                if (nx >= 0 && ny >= 0 && nx < w && ny < h && mask[ny * w + nx])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The dark pixels that lie on a run of at least <paramref name="minRun"/> (gaps of one pixel bridged) along one axis.</summary>
    private static bool[] Runs(bool[] dark, int w, int h, int minRun, bool across)
    {
        var result = new bool[w * h];
        var (lines, length) = across ? (h, w) : (w, h);
        for (var line = 0; line < lines; line++)
        {
            var start = -1;
            var lastDark = -2;
            for (var i = 0; i <= length; i++)
            {
                var isDark = i < length && dark[across ? line * w + i : i * w + line];
                if (isDark)
                {
                    if (start < 0 || i - lastDark > 2)
                    {
                        Close(start, lastDark);
                        start = i;
                    }

                    lastDark = i;
                }
                else if (i == length || i - lastDark > 2)
                {
                    Close(start, lastDark);
                    start = -1;
                }
            }

            void Close(int from, int to)
            {
                if (from < 0 || to - from + 1 < minRun)
                {
                    return;
                }

                for (var k = from; k <= to; k++)
                {
                    result[across ? line * w + k : k * w + line] = true;
                }
            }
        }

        return result;
    }

    /// <summary>A connected component of ink: its box and, when asked for, its pixels.</summary>
    internal readonly record struct Blob(int MinX, int MinY, int MaxX, int MaxY, List<(int X, int Y)>? Pixels);

    /// <summary>The 8-connected components of the ink of a w × h area (an explicit stack: no recursion).</summary>
    internal static List<Blob> Blobs(int w, int h, Func<int, int, bool> ink, bool withPixels)
    {
        var seen = new bool[w * h];
        var blobs = new List<Blob>();
        var stack = new Stack<int>();
        for (var start = 0; start < seen.Length; start++)
        {
            if (seen[start] || !ink(start % w, start / w))
            {
                continue;
            }

            var (minX, minY, maxX, maxY) = (int.MaxValue, int.MaxValue, -1, -1);
            var pixels = withPixels ? new List<(int X, int Y)>() : null;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                var (x, y) = (p % w, p / w);
                pixels?.Add((x, y));
                (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                        {
                            continue;
                        }

                        var n = ny * w + nx;
                        if (!seen[n] && ink(nx, ny))
                        {
                            seen[n] = true;
                            stack.Push(n);
                        }
                    }
                }
            }

            blobs.Add(new Blob(minX, minY, maxX, maxY, pixels));
        }

        return blobs;
    }

    private static List<Blob> Components(bool[] mask, int w, int h) => Blobs(w, h, (x, y) => mask[y * w + x], withPixels: false);

    private static IEnumerable<double> Cluster(List<double> sorted, double tolerance)
    {
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] - sorted[j] <= tolerance)
            {
                j++;
            }

            yield return sorted.Skip(i).Take(j - i + 1).Average();
            i = j + 1;
        }
    }
}

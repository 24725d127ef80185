using System.Text;

namespace Jixiao.Import.Text;

/// <summary>
/// Finds the encoding of a text file from its bytes, never from its name: a byte-order mark (UTF-8, UTF-16 LE/BE),
/// else UTF-16 without a mark (zero bytes at every other position), else strict UTF-8, else GB18030 (which also
/// reads GBK and GB2312). Files with zero bytes or many control characters in no UTF-16 pattern are binary.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding GB18030 { get; } = GetGb18030();

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    public sealed record Detection(Encoding? Encoding, int BomLength, string Name)
    {
        public bool IsBinary => Encoding is null;
    }

    /// <summary>Decides from the first bytes of a file (a few KB are enough; pass what you have).</summary>
    public static Detection Detect(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(new UTF8Encoding(false), 3, "UTF-8 BOM");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2, "UTF-16 LE");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2, "UTF-16 BE");
        }

        var sample = head[..Math.Min(head.Length, 64 * 1024)];
        int zeroEven = 0, zeroOdd = 0, control = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b == 0)
            {
                if (i % 2 == 0)
                {
                    zeroEven++;
                }
                else
                {
                    zeroOdd++;
                }
            }
            else if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        // UTF-16 without a mark: ASCII characters leave a zero byte on one side only, and the text decodes to plausible characters.
        if (zeroOdd > 0 && zeroOdd > zeroEven * 10 && Plausible(sample, bigEndian: false))
        {
            return new(new UnicodeEncoding(false, false), 0, "UTF-16 LE");
        }

        if (zeroEven > 0 && zeroEven > zeroOdd * 10 && Plausible(sample, bigEndian: true))
        {
            return new(new UnicodeEncoding(true, false), 0, "UTF-16 BE");
        }

        if (zeroEven + zeroOdd > 0 || control > sample.Length / 100 + 2)
        {
            return new(null, 0, "binary");
        }

        if (IsUtf8(sample, complete || sample.Length < head.Length))
        {
            return new(new UTF8Encoding(false), 0, "UTF-8");
        }

        // High bytes that are not UTF-8: the Chinese legacy encodings (GB2312 ⊂ GBK ⊂ GB18030).
        return LooksLikeGb18030(sample) ? new(GB18030, 0, "GB18030") : new(null, 0, "binary");
    }

    private static bool Plausible(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var text = new UnicodeEncoding(bigEndian, false).GetString(bytes[..(bytes.Length & ~1)]);
        var good = 0;
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t' || c is >= ' ' and <= '~' || Domain.Text.ChineseText.IsHan(c)
                || c is >= '\u3000' and <= '\u303F' || c is >= '\uFF00' and <= '\uFFEF' || c is >= '\u2000' and <= '\u206F' || c == '\u00B7')
            {
                good++;
            }
        }

        return text.Length > 0 && good >= text.Length * 0.95;
    }

    /// <summary>Valid UTF-8, allowing a rare damaged byte (at most one bad sequence per hundred good ones, reported later as IMP009).</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        int valid = 0, invalid = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            int extra;
            if (b < 0x80)
            {
                i++;
                continue;
            }
            else if (b is >= 0xC2 and <= 0xDF)
            {
                extra = 1;
            }
            else if (b is >= 0xE0 and <= 0xEF)
            {
                extra = 2;
            }
            else if (b is >= 0xF0 and <= 0xF4)
            {
                extra = 3;
            }
            else
            {
                invalid++;
                i++;
                continue;
            }

            if (i + extra >= bytes.Length)
            {
                // A sequence cut by the end of the sample is fine unless the file really ends there.
                if (complete)
                {
                    invalid++;
                }

                break;
            }

            var ok = true;
            for (var k = 1; k <= extra; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    ok = false;
                }
            }

            if (ok)
            {
                valid++;
                i += extra + 1;
            }
            else
            {
                invalid++;
                i++;
            }
        }

        return invalid == 0 || valid > 0 && invalid * 100 <= valid;
    }

    private static bool LooksLikeGb18030(ReadOnlySpan<byte> bytes)
    {
        int good = 0, bad = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            if (b is >= 0x81 and <= 0xFE && i + 1 < bytes.Length)
            {
                var b2 = bytes[i + 1];
                if (b2 is >= 0x40 and <= 0xFE and not 0x7F)
                {
                    good++;
                    i += 2;
                    continue;
                }

                if (b2 is >= 0x30 and <= 0x39 && i + 3 < bytes.Length)
                {
                    good++;
                    i += 4;
                    continue;
                }
            }

            bad++;
            i++;
        }

        return good > 0 && bad <= good / 20 + 1;
    }
}

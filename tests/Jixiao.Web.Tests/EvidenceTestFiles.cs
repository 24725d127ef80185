using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Web.Tests;

/// <summary>
/// The files the 佐证材料 tests upload, made in memory: a small real PDF, a 1×1 PNG, a .docx written by Open XML, and the
/// hostile ones (an HTML page renamed .pdf, SVG with and without script, a zip bomb dressed as .docx).
/// </summary>
internal static class EvidenceTestFiles
{
    /// <summary>A one-page PDF with its cross-reference table, as small as a PDF gets.</summary>
    public static byte[] Pdf(string text = "yanshou")
    {
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Object(string content)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(body.ToString()));
            body.Append($"{offsets.Count} 0 obj\n{content}\nendobj\n");
        }

        var stream = $"BT /F1 24 Tf 72 720 Td ({text}) Tj ET";
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        Object($"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = Encoding.ASCII.GetByteCount(body.ToString());
        body.Append($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append($"{offset:D10} 00000 n \n");
        }

        body.Append($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    /// <summary>A 1×1 red PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>A .docx with one paragraph.</summary>
    public static byte[] Docx(string text = "整改措施落实情况说明")
    {
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return output.ToArray();
    }

    public static byte[] HtmlPage() =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>验收报告</title></head><body><script>fetch('/api/v1/auth/me')</script></body></html>");

    public static byte[] SvgWithScript() =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script></svg>");

    public static byte[] Svg() =>
        Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"red\"/></svg>");

    /// <summary>A .docx in every part a sniffer looks for, with one more part of 64 MB of zeros packed into about 64 KB.</summary>
    public static byte[] ZipBombDocx()
    {
        var docx = Docx();
        using var output = new MemoryStream();
        output.Write(docx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("word/media/image1.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                stream.Write(zeros);
            }
        }

        return output.ToArray();
    }
}

/// <summary>
/// A body of <paramref name="length"/> bytes made as it is read (a 200 MB upload without 200 MB in the test's memory):
/// a PDF header, then spaces.
/// </summary>
internal sealed class GeneratedStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            buffer[offset + i] = at < 5 ? (byte)"%PDF-"[(int)at] : (byte)' ';
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

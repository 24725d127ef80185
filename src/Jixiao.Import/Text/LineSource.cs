using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Text;

/// <summary>
/// Streams the lines of a text stream in its detected encoding, reporting undecodable bytes (IMP009) and stopping
/// at the size limit (IMP003). Form feeds (page breaks from pdftotext) end a line.
/// </summary>
internal static class LineSource
{
    public static IEnumerable<SourceLine> Read(Stream stream, TextDecoder.Detection detection, ImportContext context, long maxBytes)
    {
        var counting = new CountingStream(stream);
        using var reader = new StreamReader(counting, detection.Encoding!, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        if (detection.BomLength > 0)
        {
            // StreamReader skips nothing when detection is off: drop the mark ourselves.
            if (reader.Peek() == '\uFEFF')
            {
                reader.Read();
            }
        }

        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (counting.Count > maxBytes)
            {
                context.Report(Severity.Error, ImportCodes.TooLarge, context.Line(number),
                    $"文件超过 {maxBytes / (1024 * 1024)} MB 的上限，从第 {number} 行起未读取。请拆分文件后再导入。");
                yield break;
            }

            if (number == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }

            if (line.Contains('\uFFFD', StringComparison.Ordinal))
            {
                context.Report(Severity.Warning, ImportCodes.BadEncoding, context.Line(number),
                    $"第 {number} 行有无法按 {detection.Name} 解码的字节，已替换为“\uFFFD”。");
            }

            if (line.Contains('\f', StringComparison.Ordinal))
            {
                foreach (var part in line.Split('\f'))
                {
                    yield return new SourceLine(number, part);
                }

                continue;
            }

            yield return new SourceLine(number, line);
        }
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            Count += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            Count += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

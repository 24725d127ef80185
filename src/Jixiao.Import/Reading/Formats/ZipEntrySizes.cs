using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Jixiao.Import.Reading.Formats;

/// <summary>What is wrong with the sizes of a zip's entries, found by inflating each from its own bytes.</summary>
internal enum ZipSizeProblemKind
{
    /// <summary>The entry inflates to more than its central directory entry declares (ZipArchive would stop there silently).</summary>
    LargerThanDeclared,

    /// <summary>The entry inflates to less than it declares (cut short or forged).</summary>
    SmallerThanDeclared,

    /// <summary>All entries together inflate past the limit on the total.</summary>
    OverTotal,

    /// <summary>A compression method other than stored (0) or deflate (8), which Office files never use.</summary>
    UnknownMethod,

    /// <summary>ZIP64 or a directory outside the file: not checked byte by byte (Office files of our sizes never need it).</summary>
    Unchecked,
}

/// <param name="Inflated">The bytes counted when the check stopped (for <see cref="ZipSizeProblemKind.OverTotal"/> the running total).</param>
internal sealed record ZipSizeProblem(ZipSizeProblemKind Kind, string Entry, long Declared, long Inflated, int Method);

/// <summary>
/// Inflates every entry of a zip from its own bytes with a counting limit and compares what comes out with what the
/// central directory declares. ZipArchive, and every reader built on it (ExcelDataReader, the Open XML SDK), stops at
/// the declared size, so a part lying about its size looks harmless through it; this reads the raw deflate data
/// instead, never more than one buffer past the declared size of an entry or past <c>maxTotalBytes</c> in all.
/// </summary>
internal static class ZipEntrySizes
{
    /// <summary>Null when every entry holds what it declares and all together stay within <paramref name="maxTotalBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The zip's directory or local headers are broken.</exception>
    public static ZipSizeProblem? Check(Stream content, long maxTotalBytes, CancellationToken cancellationToken = default)
    {
        var length = content.Length;
        var tail = new byte[(int)Math.Min(length, 22 + 65_535)];
        content.Position = length - tail.Length;
        content.ReadExactly(tail);
        var end = -1;
        for (var i = tail.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw new InvalidDataException("No end of central directory.");
        }

        var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (entries == 0xFFFF || directoryOffset == 0xFFFF_FFFF || directoryOffset + (long)directorySize > length)
        {
            return new(ZipSizeProblemKind.Unchecked, "", 0, 0, 0);
        }

        var directory = new byte[directorySize];
        content.Position = directoryOffset;
        content.ReadExactly(directory);
        var header = new byte[30];
        var scratch = new byte[81920];
        long total = 0;
        var at = 0;
        for (var n = 0; n < entries; n++)
        {
            var entry = directory.AsSpan(at);
            if (entry.Length < 46 || BinaryPrimitives.ReadUInt32LittleEndian(entry) != 0x02014b50)
            {
                throw new InvalidDataException("Broken central directory.");
            }

            var method = BinaryPrimitives.ReadUInt16LittleEndian(entry[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(entry[20..]);
            long declared = BinaryPrimitives.ReadUInt32LittleEndian(entry[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
            var skip = 46 + nameLength + BinaryPrimitives.ReadUInt16LittleEndian(entry[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(entry[42..]);
            if (entry.Length < 46 + nameLength)
            {
                throw new InvalidDataException("Broken central directory.");
            }

            var name = Encoding.UTF8.GetString(entry.Slice(46, nameLength));
            at += skip;
            if (compressed == 0xFFFF_FFFF || declared == 0xFFFF_FFFF || local == 0xFFFF_FFFF)
            {
                return new(ZipSizeProblemKind.Unchecked, name, declared, 0, method);
            }

            if (local + 30 > length)
            {
                throw new InvalidDataException("Local header beyond the end of the file.");
            }

            content.Position = local;
            content.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x04034b50)
            {
                throw new InvalidDataException("Broken local header.");
            }

            var data = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            if (data + compressed > length)
            {
                throw new InvalidDataException("Entry beyond the end of the file.");
            }

            long inflated;
            switch (method)
            {
                case 0:
                    inflated = compressed;
                    break;
                case 8:
                    content.Position = data;
                    using (var deflate = new DeflateStream(new Bounded(content, compressed), CompressionMode.Decompress))
                    {
                        inflated = 0;
                        int got;
                        while ((got = deflate.Read(scratch, 0, scratch.Length)) > 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            inflated += got;
                            if (inflated > declared)
                            {
                                return new(ZipSizeProblemKind.LargerThanDeclared, name, declared, inflated, method);
                            }

                            if (total + inflated > maxTotalBytes)
                            {
                                return new(ZipSizeProblemKind.OverTotal, name, declared, total + inflated, method);
                            }
                        }
                    }

                    break;
                default:
                    return new(ZipSizeProblemKind.UnknownMethod, name, declared, 0, method);
            }

            if (inflated > declared)
            {
                return new(ZipSizeProblemKind.LargerThanDeclared, name, declared, inflated, method);
            }

            if (inflated < declared)
            {
                return new(ZipSizeProblemKind.SmallerThanDeclared, name, declared, inflated, method);
            }

            total += inflated;
            if (total > maxTotalBytes)
            {
                return new(ZipSizeProblemKind.OverTotal, name, declared, total, method);
            }
        }

        return null;
    }

    /// <summary>The next <paramref name="length"/> bytes of a stream, and no more.</summary>
    private sealed class Bounded(Stream inner, long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left <= 0)
            {
                return 0;
            }

            var n = inner.Read(buffer, offset, (int)Math.Min(count, _left));
            _left -= n;
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

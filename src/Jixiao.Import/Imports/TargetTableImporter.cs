using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Excel;
using Jixiao.Import.Extracted;
using Jixiao.Import.Forms;
using Jixiao.Import.Pdf;
using Jixiao.Import.Tables;
using Jixiao.Import.Text;

namespace Jixiao.Import.Imports;

/// <summary>
/// The one entry point of the importer: give it a file (text in any of the usual encodings, .xlsx, .xls or .pdf),
/// it finds the kind of file from its bytes and the layout from its content, and returns every unit, project
/// and indicator with its source location, and every diagnostic. Never throws on bad input.
/// <code>
/// var result = TargetTableImporter.Import("目标表.xlsx");
/// if (!result.Succeeded) { /* result.Diagnostics say what could not be read */ }
/// </code>
/// </summary>
public static class TargetTableImporter
{
    private const int SniffBytes = 64 * 1024;
    private const int SniffLines = 400;

    /// <summary>Imports a file from disk. The file name in locations is the file's name without its folder.</summary>
    public static ImportResult Import(string path, ImportOptions? options = null)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Import(stream, name, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(name, ImportCodes.EmptyFile, $"无法打开文件：{ReadFailure.Describe(ex)}");
        }
    }

    /// <summary>Imports from a stream (an upload); <paramref name="fileName"/> is used in locations and messages only.</summary>
    public static ImportResult Import(Stream stream, string fileName, ImportOptions? options = null)
    {
        var collector = new ImportCollector(fileName);
        Import(stream, fileName, collector, options);
        return collector.Build();
    }

    /// <summary>
    /// Streams the file into <paramref name="sink"/> without keeping it: memory stays flat whatever the file size
    /// (text layouts). The size limit applies only when <paramref name="options"/> sets it; the default here is none.
    /// </summary>
    public static void Import(Stream stream, string fileName, IImportSink sink, ImportOptions? options = null)
    {
        options ??= sink is ImportCollector ? ImportOptions.Default : ImportOptions.Default with { MaxTextBytes = long.MaxValue };
        var context = new ImportContext(fileName, sink, options);
        try
        {
            ImportCore(stream, context);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or OverflowException or ArgumentException
                                       or NotSupportedException or IndexOutOfRangeException or InvalidOperationException)
        {
            context.Report(Severity.Error, ImportCodes.BadWorkbook, new SourceLocation(fileName),
                $"读取文件时出错，导入中止：{ReadFailure.Describe(ex)}");
        }

        context.Finish();
    }

    private static void ImportCore(Stream stream, ImportContext context)
    {
        var head = new byte[SniffBytes];
        var read = ReadFully(stream, head);
        var bytes = head.AsSpan(0, read);
        var file = new SourceLocation(context.File);

        if (IsBlank(bytes))
        {
            context.Report(Severity.Error, ImportCodes.EmptyFile, file, "文件是空的，没有可导入的内容。");
            return;
        }

        var whole = new PrefixedStream(head, read, stream);
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            ExcelImporter.Import(whole, context, xlsx: true);
            return;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            ExcelImporter.Import(whole, context, xlsx: false);
            return;
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            PdfImporter.Import(whole, context);
            return;
        }

        if (stream.CanSeek && stream.Length > context.Options.MaxTextBytes)
        {
            context.Report(Severity.Error, ImportCodes.TooLarge, file,
                $"文本文件有 {stream.Length / (1024 * 1024)} MB，超过 {context.Options.MaxTextBytes / (1024 * 1024)} MB 的上限，未导入。请拆分文件后再导入。");
            return;
        }

        var detection = TextDecoder.Detect(bytes, complete: read < SniffBytes);
        if (detection.IsBinary)
        {
            context.Report(Severity.Error, ImportCodes.Binary, file,
                "文件不是文本、Excel（.xlsx/.xls）或 PDF，无法导入。请确认上传的是绩效目标表。");
            return;
        }

        ImportText(LineSource.Read(whole, detection, context, context.Options.MaxTextBytes), context);
    }

    /// <summary>Reads text lines (from a text file or from pdftotext) after deciding the layout from the first lines.</summary>
    internal static void ImportText(IEnumerable<SourceLine> lines, ImportContext context)
    {
        using var enumerator = lines.GetEnumerator();
        var buffer = new List<SourceLine>();
        var layout = ImportLayouts.Unknown;
        while (buffer.Count < SniffLines && enumerator.MoveNext())
        {
            buffer.Add(enumerator.Current);
            layout = DetectLayout(buffer, final: false);
            if (layout != ImportLayouts.Unknown)
            {
                break;
            }
        }

        if (layout == ImportLayouts.Unknown)
        {
            layout = DetectLayout(buffer, final: true);
        }

        if (buffer.All(l => l.IsBlank) && !enumerator.MoveNext())
        {
            context.Report(Severity.Error, ImportCodes.EmptyFile, new SourceLocation(context.File), "文件只有空行，没有可导入的内容。");
            return;
        }

        context.Layout(layout);
        var all = Concat(buffer, enumerator);
        switch (layout)
        {
            case ImportLayouts.ProjectTable:
            {
                var reader = new ProjectTableReader(context);
                PipeTableReader.Read(all, context, reader.Accept, reader.Flush);
                break;
            }

            case ImportLayouts.IndicatorRows:
            {
                var reader = new IndicatorRowsReader(context);
                PipeTableReader.Read(all, context, reader.Accept, reader.Flush, reader.AcceptText);
                break;
            }

            case ImportLayouts.DeclarationForm:
                DeclarationFormReader.Read(all, context);
                break;

            case ImportLayouts.ExtractedText:
                ExtractedTextReader.Read(all, context);
                break;

            default:
            {
                var count = 0;
                SourceLine? first = null;
                foreach (var line in all)
                {
                    if (!line.IsBlank)
                    {
                        first ??= line;
                        count++;
                    }
                }

                context.Report(Severity.Error, ImportCodes.NoHeader, first is { } f ? context.Line(f.Number) : new SourceLocation(context.File),
                    $"找不到绩效目标表的表头（如“项目名称 总计 财政拨款 … 绩效目标 绩效指标”或“一级指标 二级指标 三级指标 指标值”），文件的 {count} 行文字均未读取。");
                break;
            }
        }
    }

    private static string DetectLayout(List<SourceLine> lines, bool final)
    {
        var last = lines[^1].Text;
        if (PipeTableReader.IsTableLine(last))
        {
            var cells = PipeTableReader.SplitCells(last);
            if (IndicatorRowsReader.TryHeader(cells) is not null)
            {
                return ImportLayouts.IndicatorRows;
            }

            if (ProjectTableReader.TryHeader(cells) is not null)
            {
                return ImportLayouts.ProjectTable;
            }
        }

        if (ExtractedTextReader.IsHeader(last))
        {
            return ImportLayouts.ExtractedText;
        }

        if (DeclarationFormReader.IsFormStart(lines))
        {
            return ImportLayouts.DeclarationForm;
        }

        if (!final)
        {
            return ImportLayouts.Unknown;
        }

        // No header: pick the layout the lines look like; the reader reports the missing header as an error.
        var tableLines = lines.Count(l => PipeTableReader.IsTableLine(l.Text));
        if (tableLines >= 2)
        {
            return ImportLayouts.ProjectTable;
        }

        return lines.Any(l => ExtractedTextReader.LooksLikeIndicatorStart(l.Text)) ? ImportLayouts.ExtractedText : ImportLayouts.Unknown;
    }

    private static IEnumerable<SourceLine> Concat(List<SourceLine> buffer, IEnumerator<SourceLine> rest)
    {
        foreach (var line in buffer)
        {
            yield return line;
        }

        while (rest.MoveNext())
        {
            yield return rest.Current;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0xEF or 0xBB or 0xBF or 0xFF or 0xFE or 0))
            {
                return false;
            }
        }

        return true;
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
        }

        return total;
    }

    private static ImportResult Failed(string file, string code, string message) =>
        new(file, ImportLayouts.Unknown, null, Domain.Projects.MoneyUnit.WanYuan, null, [], [new Diagnostic(Severity.Error, code, new SourceLocation(file), message)]);
}

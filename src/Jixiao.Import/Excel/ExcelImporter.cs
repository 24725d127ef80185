using System.Globalization;
using System.IO.Compression;
using System.Text;
using ExcelDataReader;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Forms;
using Jixiao.Import.Imports;
using Jixiao.Import.Tables;
using Jixiao.Import.Text;

namespace Jixiao.Import.Excel;

/// <summary>
/// Excel workbooks (.xlsx, and .xls through the same reader): each worksheet is read as layout 1 (one row per
/// project), layout 4 (one row per indicator) or the 申报表 form (each non-empty cell read as a line), decided by
/// its header. Before anything is parsed an .xlsx is checked as a zip: a damaged or truncated file, or one that
/// expands far beyond its size (a zip bomb), is refused with a diagnostic.
/// </summary>
internal static class ExcelImporter
{
    private const int HeaderSearchRows = 60;

    static ExcelImporter() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static void Import(Stream stream, ImportContext context, bool xlsx)
    {
        var file = new SourceLocation(context.File);
        var buffer = new MemoryStream();
        if (!CopyLimited(stream, buffer, context.Options.MaxTextBytes))
        {
            context.Report(Severity.Error, ImportCodes.TooLarge, file,
                $"Excel 文件超过 {context.Options.MaxTextBytes / (1024 * 1024)} MB 的上限，未导入。");
            return;
        }

        buffer.Position = 0;
        if (xlsx && !CheckZip(buffer, context))
        {
            return;
        }

        buffer.Position = 0;
        IExcelDataReader reader;
        try
        {
            reader = xlsx ? ExcelReaderFactory.CreateOpenXmlReader(buffer) : ExcelReaderFactory.CreateBinaryReader(buffer);
        }
#pragma warning disable CA1031 // ExcelDataReader throws many exception types on damaged files; each becomes one diagnostic.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Report(Severity.Error, ImportCodes.BadWorkbook, file, $"Excel 文件已损坏或不完整，无法打开：{ReadFailure.Describe(ex)}");
            return;
        }

        using (reader)
        {
            try
            {
                ReadSheets(reader, context);
            }
#pragma warning disable CA1031 // as above: a damaged sheet ends the import with a diagnostic, never a crash.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                context.Report(Severity.Error, ImportCodes.BadWorkbook, file, $"Excel 文件在读取中出错（文件可能已损坏或不完整），导入中止：{ReadFailure.Describe(ex)}");
            }
        }
    }

    private static void ReadSheets(IExcelDataReader reader, ImportContext context)
    {
        var sheetsRead = 0;
        do
        {
            var sheet = reader.Name ?? $"Sheet{sheetsRead + 1}";
            if (ReadSheet(reader, sheet, context))
            {
                sheetsRead++;
            }
        }
        while (reader.NextResult());

        if (sheetsRead == 0)
        {
            context.Report(Severity.Error, ImportCodes.NoHeader, new SourceLocation(context.File),
                "工作簿中没有找到绩效目标表（表头应有“项目名称 … 绩效目标 绩效指标”或“一级指标 二级指标 三级指标 指标值”，或为绩效目标申报表）。");
        }
    }

    /// <summary>Reads one worksheet; false when it held nothing recognisable (its text is then reported).</summary>
    private static bool ReadSheet(IExcelDataReader reader, string sheet, ImportContext context)
    {
        var buffered = new List<TableRow>();
        string? layout = null;
        SheetReader? sheetReader = null;
        var rowNumber = 0;
        while (reader.Read())
        {
            rowNumber++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellText(reader.GetValue(i));
            }

            var row = new TableRow(cells, new SourceLocation(context.File, null, $"{sheet}!A{rowNumber}"), sheet, rowNumber);
            if (layout is null)
            {
                buffered.Add(row);
                if (IndicatorRowsReader.TryHeader(cells) is { } indicatorHeader)
                {
                    // A form's indicator block has the same header; the form shows itself by "项目名称" etc. in the rows above.
                    layout = indicatorHeader.Project < 0 && DeclarationFormReader.IsFormStart(AsLines(buffered.Take(buffered.Count - 1)).ToList())
                        ? ImportLayouts.DeclarationForm
                        : ImportLayouts.IndicatorRows;
                }
                else if (ProjectTableReader.TryHeader(cells) is not null)
                {
                    layout = ImportLayouts.ProjectTable;
                }
                else if (buffered.Count >= HeaderSearchRows)
                {
                    layout = DeclarationFormReader.IsFormStart(AsLines(buffered).ToList()) ? ImportLayouts.DeclarationForm : ImportLayouts.Unknown;
                }

                if (layout is null)
                {
                    continue;
                }

                Start(layout, context, out var accept);
                foreach (var b in buffered)
                {
                    accept.Row(b);
                }

                buffered.Clear();
                sheetReader = accept;
                continue;
            }

            sheetReader!.Row(row);
        }

        if (layout is null && buffered.Count > 0)
        {
            layout = DeclarationFormReader.IsFormStart(AsLines(buffered).ToList()) ? ImportLayouts.DeclarationForm : ImportLayouts.Unknown;
            if (layout != ImportLayouts.Unknown)
            {
                Start(layout, context, out var accept);
                foreach (var b in buffered)
                {
                    accept.Row(b);
                }

                sheetReader = accept;
            }
        }

        if (layout is null or ImportLayouts.Unknown)
        {
            var text = buffered.Where(r => !r.IsBlank).ToList();
            if (text.Count > 0 && layout == ImportLayouts.Unknown)
            {
                context.Report(Severity.Warning, ImportCodes.NoHeader, text[0].Location,
                    $"工作表“{sheet}”没有绩效目标表的表头，其中 {text.Count} 行未读取。");
            }

            return false;
        }

        sheetReader!.Finish();
        return true;
    }

    private static void Start(string layout, ImportContext context, out SheetReader reader)
    {
        context.Layout(layout);
        switch (layout)
        {
            case ImportLayouts.ProjectTable:
            {
                var table = new ProjectTableReader(context);
                reader = new SheetReader(table.Accept, table.Flush);
                break;
            }

            case ImportLayouts.IndicatorRows:
            {
                var table = new IndicatorRowsReader(context);
                reader = new SheetReader(table.Accept, table.Flush);
                break;
            }

            default:
            {
                var lines = new List<SourceLine>();
                reader = new SheetReader(row => lines.AddRange(AsLines([row])), () => DeclarationFormReader.Read(lines, context));
                break;
            }
        }
    }

    private sealed class SheetReader(Action<TableRow> row, Action finish)
    {
        public void Row(TableRow r) => row(r);

        public void Finish() => finish();
    }

    /// <summary>The non-empty cells of rows as lines, the way a form reads when copied cell by cell.</summary>
    private static IEnumerable<SourceLine> AsLines(IEnumerable<TableRow> rows)
    {
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Cells.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(row.Cells[i]))
                {
                    var location = row.CellLocation(i);
                    yield return new SourceLine(location.Line ?? 0, row.Cells[i].Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), location.Cell);
                }
            }
        }
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool CopyLimited(Stream source, Stream target, long max)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
            if (total > max)
            {
                return false;
            }

            target.Write(buffer, 0, n);
        }

        return true;
    }

    /// <summary>Opens the .xlsx as a zip and inflates every entry up to the limits, so that a bomb is stopped before parsing.</summary>
    private static bool CheckZip(MemoryStream buffer, ImportContext context)
    {
        var file = new SourceLocation(context.File);
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            var partLimit = Jixiao.Import.Reading.Formats.FormatLimits.Default.MaxPartBytes;
            if (zip.Entries.FirstOrDefault(e => e.Length > partLimit) is { } large)
            {
                // Refused before inflating: the format reader refuses the same part (FMT004), and inflating it here first doubled the cost.
                context.Report(Severity.Error, ImportCodes.ZipBomb, file,
                    $"Excel 文件中的“{large.FullName}”解压后达 {Jixiao.Import.Reading.Formats.ZipGuard.Size(large.Length)}，超过单个部件 {Jixiao.Import.Reading.Formats.ZipGuard.Size(partLimit)} 的上限，未导入。");
                return false;
            }

            long total = 0;
            var scratch = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var entryStream = entry.Open();
                long entryBytes = 0;
                int n;
                while ((n = entryStream.Read(scratch, 0, scratch.Length)) > 0)
                {
                    entryBytes += n;
                    total += n;
                    var ratio = entryBytes / Math.Max(1, entry.CompressedLength);
                    if (total > context.Options.MaxWorkbookBytes || entryBytes > 16 * 1024 * 1024 && ratio > context.Options.MaxCompressionRatio)
                    {
                        context.Report(Severity.Error, ImportCodes.ZipBomb, file,
                            $"Excel 文件中的“{entry.FullName}”解压后超过 {Math.Min(total, entryBytes) / (1024 * 1024)} MB（压缩比超过 {context.Options.MaxCompressionRatio}:1 或总量超过 {context.Options.MaxWorkbookBytes / (1024 * 1024)} MB 上限），疑似压缩炸弹，未导入。");
                        return false;
                    }
                }
            }

            buffer.Position = 0;
            if (Jixiao.Import.Reading.Formats.ZipEntrySizes.Check(buffer, context.Options.MaxWorkbookBytes) is { Kind: not Jixiao.Import.Reading.Formats.ZipSizeProblemKind.Unchecked } lie)
            {
                // ZipArchive stops silently at a part's declared size; the raw bytes tell whether the header lies.
                context.Report(Severity.Error, ImportCodes.ZipBomb, file,
                    $"Excel 文件中的“{lie.Entry}”实际解压后的大小与文件头声明的 {Jixiao.Import.Reading.Formats.ZipGuard.Size(lie.Declared)} 不符或超过上限，疑似压缩炸弹或文件被篡改，未导入。");
                return false;
            }

            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                context.Report(Severity.Error, ImportCodes.BadWorkbook, file, "文件是 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。");
                return false;
            }

            return true;
        }
        catch (InvalidDataException ex)
        {
            context.Report(Severity.Error, ImportCodes.BadWorkbook, file, $"Excel 文件已损坏或不完整（可能下载或复制时被截断），无法打开：{ReadFailure.Describe(ex)}");
            return false;
        }
    }
}

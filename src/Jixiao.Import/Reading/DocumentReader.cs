using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Import.Text;

namespace Jixiao.Import.Reading;

/// <summary>
/// The one way in for a document of any of the five kinds and any format: the bytes become grids (text here,
/// the other formats through their adapters), the grids are recognised by vocabulary. A target table of the
/// multi-project layouts the importer has always read (one row per project, PDF-extracted text, one row per
/// indicator) is read by that importer, which keeps its goals, amount splits and locations.
/// </summary>
public static partial class DocumentReader
{
    /// <summary>The largest text document read (a web copy or an export is far smaller).</summary>
    public const int MaxTextBytes = 64 * 1024 * 1024;

    public sealed record Reading(ReadDocument Document, ImportResult? Targets);

    public static Reading Read(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxTextBytes * 2L)
            {
                return new(Failed(name, ReadingCodes.NothingRead, $"文件有 {info.Length / (1024 * 1024)} MB，超过可读取的上限。"), null);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(Failed(name, ReadingCodes.NothingRead, "无法打开文件：" + ex.GetType().Name), null);
        }

        return Read(bytes, name);
    }

    /// <param name="cancellationToken">
    /// Stops the read with <see cref="OperationCanceledException"/> (a time budget, a server stopping): checked between
    /// the stages below and at every cell the format adapters emit. The seed layouts' importer (the first stage) and one
    /// run of an external tool (pdftotext, tesseract, soffice; bounded by <see cref="Formats.FormatLimits.ToolTimeout"/>)
    /// are not interrupted inside.
    /// </param>
    public static Reading Read(byte[] bytes, string fileName, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var legacy = TargetTableImporter.Import(new MemoryStream(bytes, writable: false), fileName, options);
        cancellationToken.ThrowIfCancellationRequested();
        var grids = Grids(bytes, fileName, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var document = DocumentRecognizer.Recognize(grids);
        cancellationToken.ThrowIfCancellationRequested();
        if (Plausible(document) < document.IndicatorCount || document.IndicatorCount == 0)
        {
            if (Unglued(grids) is { } unglued)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A form whose cells were glued together by a copy (one line of OCR text) is read again from its cells,
                // and that reading kept where it gives more indicators that look like cells of a table.
                var again = DocumentRecognizer.Recognize(unglued);
                if (again.IndicatorCount > 0 && (document.IndicatorCount == 0 || Plausible(again) > Plausible(document)))
                {
                    document = again;
                }
            }
        }
        // One row per project with the indicators inside a cell (layouts 1 and 2) is the importer's own; a table of
        // one row per indicator is its when it finds more named projects than the recogniser.
        var legacyRead = legacy.Succeeded && legacy.Projects.Any() && document.Kind == DocumentKind.Targets && !legacy.Projects.Any(p => p.Name == "（未注明项目）")
            && (legacy.Layout is ImportLayouts.ProjectTable or ImportLayouts.ExtractedText
                || legacy.Layout == ImportLayouts.IndicatorRows && legacy.Projects.Count() > Math.Max(1, document.Projects.Count));
        return new(document, legacyRead ? legacy : null);
    }

    /// <summary>
    /// The indicators of a reading that look like cells of a table: a name, however long (a goal written as a sentence
    /// is a name in some tables), that does not hold two bare numbers glued between its characters ("13在职人员控制率5以
    /// 100%为标准…" is a row of cells: the points of its category, a name, its points, its rule).
    /// </summary>
    private static int Plausible(ReadDocument document) =>
        document.Projects.Sum(p => p.Indicators.Count(i => GluedNumber().Count(i.Name) < 2));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\p{IsCJKUnifiedIdeographs})[0-9]{1,3}(?:\.[0-9]{1,2})?(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial System.Text.RegularExpressions.Regex GluedNumber();

    private static GridDocument? Unglued(GridDocument document)
    {
        // A Word or PDF copy of such a text has its lines as paragraphs, wrapped to the page in a PDF: its lines are
        // joined again as prose is, and read as the text.
        IReadOnlyList<Grid> source = document.Format == "text" ? document.Grids
            : document.Format == "pdf" ? [TextGrid.FromText(GluedForm.Unwrap(document.Grids.SelectMany(g => g.Rows).Select(r => string.Concat(r.Select(c => c.Text)))), document.FileName)]
            : !document.Grids.All(g => g.Rows.All(r => r.Count(c => c.Text.Length > 0) <= 1)) ? []
            : [TextGrid.FromText(string.Join('\n', document.Grids.SelectMany(g => g.Rows).Select(r => string.Concat(r.Select(c => c.Text)))), document.FileName)];
        if (source.Count == 0)
        {
            return null;
        }

        // The split of glued rows recurses once per cell of a run: it runs on a thread whose stack holds the longest run.
        List<Grid?> grids = [];
        var worker = new Thread(() => grids = source.Select(g => GluedForm.Unglue(g, ReadingVocabulary.Default, document.FileName)).ToList(), 256 * 1024 * 1024);
        worker.Start();
        worker.Join();
        if (!grids.Any(g => g is not null))
        {
            return null;
        }

        var notes = grids.Where(g => g is { HeaderInferred: true }).Select(g => new Diagnostic(Severity.Warning, ReadingCodes.HeaderMissing, new SourceLocation(document.FileName),
            "文件从指标表中间开始，没有表头（一级指标、二级指标、三级指标……）：指标名称、指标值和分值由各格的内容推断，项目名称、单位和资金未见；请对照原表核对。"));
        return document with { Grids = [.. grids.Select((g, i) => g ?? source[i])], Diagnostics = [.. document.Diagnostics, .. notes] };
    }

    internal static GridDocument Grids(byte[] bytes, string fileName, CancellationToken cancellationToken = default)
    {
        if (bytes.Length == 0)
        {
            return GridDocument.Failed(fileName, "text", new Diagnostic(Severity.Error, ReadingCodes.NothingRead, new SourceLocation(fileName), "文件是空的。"));
        }

        var read = Formats.FormatReader.Read(new MemoryStream(bytes, writable: false), fileName, cancellationToken: cancellationToken);
        if (read.Format != "text")
        {
            return read;
        }

        // Text is split here, where its cells are found (pipes, tabs, runs of spaces, lines of spaces as empty cells).
        var detection = TextDecoder.Detect(bytes, complete: true);
        if (detection.IsBinary)
        {
            return read;
        }

        var text = detection.Encoding!.GetString(bytes, detection.BomLength, bytes.Length - detection.BomLength);
        return new GridDocument(fileName, "text", [TextGrid.FromText(text, fileName)], read.Diagnostics);
    }

    private static ReadDocument Failed(string name, string code, string message) =>
        new(name, "unknown", DocumentKind.Targets, null, [], null, null, [], [new Diagnostic(Severity.Error, code, new SourceLocation(name), message)]);
}


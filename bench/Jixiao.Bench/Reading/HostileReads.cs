using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Jixiao.App.Imports;

namespace Jixiao.Bench.Reading;

/// <summary>
/// One import read of each hostile file, as the server reads an upload (<see cref="ImportBatches.Reading(byte[], string, int?, CancellationToken)"/>
/// on a thread of its own with the 60 s budget): a shared string table just under the part limit and one over it, a
/// PDF of 40,000 pages sharing one content stream and one of 500 such pages with a large stream, a .docx of deeply
/// nested tables and a sheet of deeply nested elements. For each: wall time, the process's peak working set above
/// the baseline (sampled every 10 ms), bytes allocated, and the diagnostics' codes. <c>hostile-reads [case]</c>;
/// figures in docs/benchmarks-web.md ("Hostile reads").
/// </summary>
public static class HostileReads
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(TextWriter output, string only)
    {
        var cases = new (string Name, Func<(string File, byte[] Bytes)> Make)[]
        {
            ("shared-strings-120MB", () => ("strings.xlsx", SharedStrings(3_400_000))),
            ("shared-strings-200MB", () => ("strings.xlsx", SharedStrings(5_700_000))),
            ("pdf-40000-pages-one-stream", () => ("pages.pdf", SharedStreamPdf(40_000, 200))),
            ("pdf-500-pages-one-2MB-stream", () => ("pages.pdf", SharedStreamPdf(500, 40_000))),
            ("docx-5000-nested-tables", () => ("nested.docx", NestedDocx(5_000))),
            ("xlsx-1000000-nested-elements", () => ("nested.xlsx", NestedSheet(1_000_000))),
        };
        output.WriteLine("| file | bytes | read | wall | peak working set above baseline | allocated | diagnostics |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---|");
        foreach (var (name, make) in cases.Where(c => only is "all" || c.Name == only))
        {
            var (file, bytes) = make();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var baseline = process.WorkingSet64;
            var peak = baseline;
            using var done = new ManualResetEventSlim();
            var sampler = new Thread(() =>
            {
                using var me = Process.GetCurrentProcess();
                while (!done.Wait(10))
                {
                    me.Refresh();
                    peak = Math.Max(peak, me.WorkingSet64);
                }
            }) { IsBackground = true };
            sampler.Start();
            string outcome = "";
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var reader = new Thread(() =>
            {
                using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    var reading = ImportBatches.Reading(bytes, file, null, budget.Token);
                    outcome = string.Join(" ", reading.Document.Diagnostics.Concat(reading.Targets.Diagnostics)
                        .Where(d => d.Severity == Jixiao.Domain.Diagnostics.Severity.Error).Select(d => d.Code).Distinct().Take(4));
                    outcome = outcome.Length == 0 ? "read, no error" : outcome;
                }
                catch (OperationCanceledException)
                {
                    outcome = "stopped at the 60 s budget";
                }
            }, maxStackSize: 256 * 1024 * 1024);
            reader.Start();
            reader.Join();
            clock.Stop();
            done.Set();
            sampler.Join();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            output.WriteLine(string.Create(Inv,
                $"| {name} | {bytes.Length:N0} | {outcome} | {clock.Elapsed.TotalSeconds:0.0} s | {(peak - baseline) / (1024.0 * 1024):N0} MB | {allocated / (1024.0 * 1024):N0} MB | |"));
        }
    }

    private static byte[] Zip(params (string Name, Action<StreamWriter> Write)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                write(writer);
            }
        }

        return buffer.ToArray();
    }

    private const string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""";
    private const string RootRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
    private const string Workbook = """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="目标表" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    private const string WorkbookRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""";

    /// <summary>An .xlsx whose shared string table holds <paramref name="count"/> distinct strings (≈ 36 bytes each) and whose one sheet uses the first ten.</summary>
    private static byte[] SharedStrings(int count) => Zip(
        ("[Content_Types].xml", w => w.Write(ContentTypes)),
        ("_rels/.rels", w => w.Write(RootRels)),
        ("xl/workbook.xml", w => w.Write(Workbook)),
        ("xl/_rels/workbook.xml.rels", w => w.Write(WorkbookRels)),
        ("xl/worksheets/sheet1.xml", w =>
        {
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            for (var i = 0; i < 10; i++)
            {
                w.Write(string.Create(Inv, $"""<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>"""));
            }

            w.Write("</sheetData></worksheet>");
        }),
        ("xl/sharedStrings.xml", w =>
        {
            w.Write(string.Create(Inv, $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">"""));
            for (var i = 0; i < count; i++)
            {
                w.Write("<si><t>");
                w.Write((i * 2654435761L % 100_000_000_000_000_000L).ToString("D20", Inv));
                w.Write("</t></si>");
            }

            w.Write("</sst>");
        }));

    /// <summary>A PDF of <paramref name="pages"/> pages that all draw one content stream of <paramref name="lines"/> lines of text.</summary>
    private static byte[] SharedStreamPdf(int pages, int lines)
    {
        var content = new StringBuilder("BT /F1 10 Tf 40 800 Td 12 TL\n");
        for (var i = 0; i < lines; i++)
        {
            content.Append(Inv, $"(Line {i} of the shared stream 1234567890) '\n");
        }

        content.Append("ET\n");
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // the page tree, below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            string.Create(Inv, $"<< /Length {content.Length} >>\nstream\n{content}endstream"),
        };
        var kids = new StringBuilder();
        for (var p = 0; p < pages; p++)
        {
            kids.Append(Inv, $"{objects.Count + 1} 0 R ");
            objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
        }

        objects[1] = string.Create(Inv, $"<< /Type /Pages /Count {pages} /Kids [{kids}] >>");
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(Inv, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(Inv, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(Inv, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(Inv, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A .docx whose body is one table nested <paramref name="depth"/> deep, a cell of text at the bottom.</summary>
    private static byte[] NestedDocx(int depth) => Zip(
        ("[Content_Types].xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""")),
        ("_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""")),
        ("word/document.xml", w =>
        {
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
            for (var i = 0; i < depth; i++)
            {
                w.Write("<w:tbl><w:tr><w:tc>");
            }

            w.Write("<w:p><w:r><w:t>项目名称</w:t></w:r></w:p>");
            for (var i = 0; i < depth; i++)
            {
                w.Write("<w:p/></w:tc></w:tr></w:tbl>");
            }

            w.Write("</w:body></w:document>");
        }));

    /// <summary>An .xlsx whose sheet holds one cell inside <paramref name="depth"/> nested unknown elements.</summary>
    private static byte[] NestedSheet(int depth) => Zip(
        ("[Content_Types].xml", w => w.Write(ContentTypes)),
        ("_rels/.rels", w => w.Write(RootRels)),
        ("xl/workbook.xml", w => w.Write(Workbook)),
        ("xl/_rels/workbook.xml.rels", w => w.Write(WorkbookRels.Replace("""<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""", "", StringComparison.Ordinal))),
        ("xl/worksheets/sheet1.xml", w =>
        {
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row>""");
            for (var i = 0; i < depth; i++)
            {
                w.Write("<x>");
            }

            for (var i = 0; i < depth; i++)
            {
                w.Write("</x>");
            }

            w.Write("</sheetData></worksheet>");
        }));
}

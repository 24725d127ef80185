using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Jixiao.Domain.Evaluations;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests;

/// <summary>Repository files, the seed evaluations and helpers that read what the writers produce.</summary>
internal static class TestFiles
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>An empty folder where a test leaves rendered files (PDF, PNG pages) for a person to look at.</summary>
    public static string OutputDirectory(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "rendered", name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string Sheet(string file) => Path.Combine(RepoRoot, "samples", "evaluations", file);

    public static ScoredEvaluation Score(string file)
    {
        var read = EvaluationSheetJson.Read(File.ReadAllText(Sheet(file)), file);
        read.Diagnostics.ShouldBeEmpty();
        return Scorer.Score(read.Sheet!);
    }

    public static EvaluationReportTexts Texts(string file)
    {
        var read = EvaluationReportTextsJson.Read(File.ReadAllText(Path.Combine(RepoRoot, "samples", "reports", file)), file);
        read.Diagnostics.ShouldBeEmpty();
        return read.Texts;
    }

    /// <summary>The 004 雪亮工程 evaluation, scored by the real scorer, with its evaluator texts.</summary>
    public static EvaluationReportModel Xueliang() =>
        EvaluationReportMapper.From(Score("004-xueliang-2020.json"), Texts("004-xueliang-2020.report.json"));

    /// <summary>The text of word/document.xml: paragraphs joined by new lines, table cells by tabs.</summary>
    public static string DocxText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        var xml = XDocument.Load(stream);
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var sb = new StringBuilder();
        foreach (var p in xml.Descendants(w + "p"))
        {
            foreach (var node in p.Descendants())
            {
                if (node.Name == w + "t")
                {
                    sb.Append(node.Value);
                }
                else if (node.Name == w + "br")
                {
                    sb.Append('\n');
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static XDocument DocxPart(byte[] docx, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var stream = zip.GetEntry(part)!.Open();
        return XDocument.Load(stream);
    }

    public static IReadOnlyList<string> DocxParts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>
    /// Converts a .docx to PDF with LibreOffice. Each call gets its own profile folder: tests run in parallel and two
    /// soffice processes sharing one profile would lock each other out.
    /// </summary>
    public static string DocxToPdf(string docx, string outDir)
    {
        var profile = Path.Combine(Path.GetTempPath(), "jixiao-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run("soffice", $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, docx);
            return Path.Combine(outDir, Path.GetFileNameWithoutExtension(docx) + ".pdf");
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    /// <summary>Runs a tool and returns its standard output; fails the test with its error output when it fails.</summary>
    public static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["HOME"] = Path.Combine(Path.GetTempPath(), "jixiao-lo-home");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit(180_000).ShouldBeTrue($"{file} did not finish in 3 minutes");
        process.ExitCode.ShouldBe(0, $"{file} {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout;
    }

    /// <summary>Renders PDF pages to PNG at 60 dpi (poppler pdftoppm) and returns the files.</summary>
    public static IReadOnlyList<string> PdfToPngs(string pdf, string prefix)
    {
        Run("pdftoppm", "-png", "-r", "60", pdf, prefix);
        var dir = Path.GetDirectoryName(prefix)!;
        var name = Path.GetFileName(prefix);
        return [.. Directory.GetFiles(dir, name + "-*.png").Order(StringComparer.Ordinal)];
    }
}

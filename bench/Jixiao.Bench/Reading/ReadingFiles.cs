using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Bench.Reading;

/// <summary>
/// The inputs of the reading benchmarks and the fuzz run: the corpus text documents with their header block
/// stripped, the 146-project workbook, and small generated files (a target form as .xlsx and .docx, the .docx
/// converted to PDF by LibreOffice once, page 1 of that PDF rendered at 150 dpi as a scan). Generated files are
/// kept in the temp folder.
/// </summary>
public static class ReadingFiles
{
    public static string Corpus => Environment.GetEnvironmentVariable("JIXIAO_CORPUS") ?? "/work/shared/corpus/docs";

    public static string Folder
    {
        get
        {
            var folder = Path.Combine(Path.GetTempPath(), "jixiao-bench-reading");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static string Workbook => Path.Combine(Corpus, "01-targets-baoan-export.xlsx");

    /// <summary>The NN-*.txt documents, sorted, each without its header block (the lines up to and including <c>---</c>).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> CorpusTexts() =>
        Directory.GetFiles(Corpus, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), StripHeader(File.ReadAllBytes(path))))
            .ToList();

    public static byte[] StripHeader(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var marker = text.StartsWith("---\n", StringComparison.Ordinal) ? 0 : text.IndexOf("\n---\n", StringComparison.Ordinal);
        if (marker < 0)
        {
            return bytes;
        }

        var start = marker == 0 ? 4 : marker + 5;
        return Encoding.UTF8.GetBytes(text[start..]);
    }

    /// <summary>The indicator rows of the generated form: 一级, 二级, 三级, 指标值.</summary>
    public static IReadOnlyList<string[]> Indicators { get; } =
    [
        ["产出指标", "数量指标", "培训人数", "200人"],
        ["产出指标", "质量指标", "培训合格率", "≥95%"],
        ["产出指标", "时效指标", "完成时间", "2025年12月"],
        ["产出指标", "成本指标", "人均培训成本", "≤800元"],
        ["效益指标", "社会效益指标", "新增就业人数", "150人"],
        ["效益指标", "可持续影响指标", "长效机制", "建立"],
        ["满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%"],
    ];

    private static readonly string[][] FormHead =
    [
        ["项目支出绩效目标表", "", "", ""],
        ["项目名称", "职业技能培训补贴项目", "预算单位", "某市人力资源和社会保障局"],
        ["年度资金总额（万元）", "120.00", "其中：财政拨款", "120.00"],
        ["年度目标", "完成职业技能培训200人，培训合格率不低于95%。", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
    ];

    private static IEnumerable<string[]> FormRows => FormHead.Concat(Indicators);

    /// <summary>A one-sheet target form (inline strings), a few KB.</summary>
    public static byte[] Xlsx()
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 0;
            foreach (var cells in FormRows)
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c].Length == 0)
                    {
                        continue;
                    }

                    var reference = ((char)('A' + c)).ToString() + rowIndex.ToString(CultureInfo.InvariantCulture);
                    row.Append(double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? new Cell { CellReference = reference, CellValue = new CellValue(number) }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cells[c])) });
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            part.Worksheet.Append(new MergeCells(new MergeCell { Reference = "A1:D1" }, new MergeCell { Reference = "B4:D4" }));
            workbook.Workbook.Sheets!.Append(new Sheet { Name = "目标表", SheetId = 1, Id = workbook.GetIdOfPart(part) });
        }

        return memory.ToArray();
    }

    /// <summary>The same form as a bordered Word table under a title paragraph.</summary>
    public static byte[] Docx()
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            body.Append(Paragraph("项目支出绩效目标表"));
            var table = new W.Table(new W.TableProperties(
                new W.TableBorders(
                    new W.TopBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 }),
                new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct }));
            table.Append(new W.TableGrid(new W.GridColumn { Width = "1800" }, new W.GridColumn { Width = "2400" }, new W.GridColumn { Width = "2400" }, new W.GridColumn { Width = "2400" }));
            foreach (var cells in FormRows.Skip(1))
            {
                table.Append(new W.TableRow(cells.Select(text => new W.TableCell(Paragraph(text)))));
            }

            body.Append(table);
            body.Append(Paragraph("备注：以上指标由项目单位填报"));
            main.Document = new W.Document(body);
            main.Document.Save();
        }

        return memory.ToArray();
    }

    private static W.Paragraph Paragraph(string text) =>
        new(new W.Run(new W.RunProperties(new W.FontSize { Val = "24" }), new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>The .docx form converted to PDF by LibreOffice (once; kept in <see cref="Folder"/>).</summary>
    public static string TablePdf()
    {
        var pdf = Path.Combine(Folder, "form.pdf");
        if (File.Exists(pdf))
        {
            return pdf;
        }

        var docx = Path.Combine(Folder, "form.docx");
        File.WriteAllBytes(docx, Docx());
        var home = Path.Combine(Folder, "lo-home");
        Directory.CreateDirectory(home);
        Run("soffice", ["--headless", "--norestore", "-env:UserInstallation=file://" + home, "--convert-to", "pdf", "--outdir", Folder, docx]);
        return File.Exists(pdf) ? pdf : throw new InvalidOperationException("LibreOffice wrote no " + pdf);
    }

    /// <summary>Page 1 of <see cref="TablePdf"/> rendered by pdftoppm at <paramref name="dpi"/> as a PNG, as a scanner would give it.</summary>
    public static string ScanPng(int dpi = 150)
    {
        var prefix = Path.Combine(Folder, "scan-" + dpi.ToString(CultureInfo.InvariantCulture));
        if (!File.Exists(prefix + ".png"))
        {
            Run("pdftoppm", ["-png", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", TablePdf(), prefix]);
        }

        return prefix + ".png";
    }

    public static void Run(string tool, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException(tool + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}

using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Reading;

/// <summary>
/// Reads any of the five kinds of document from its grids, by vocabulary rather than by layout: the kind from the
/// words it uses; form fields from their labels (the value is the rest of the label's cell, else the next cell);
/// budget and indicator tables from their header rows, whose labels give each column its role. Indicator rows
/// are read by what their cells are: a category name opens a block (一级 written once covers its block), the first
/// other cell is the indicator's name, and the values fill the header's roles, aligned by type when cells of
/// merged or empty columns are missing. Every cell is used or reported.
/// </summary>
public static class DocumentRecognizer
{
    public static ReadDocument Recognize(GridDocument document, ReadingVocabulary? vocabulary = null)
    {
        vocabulary ??= ReadingVocabulary.Default;
        var rows = Rows(document);
        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        var kind = KindClassifier.Classify(rows, vocabulary);
        var title = KindClassifier.Title(rows);
        FormTableReader.Result result;
        if (RecordTableReader.Read(document, vocabulary, diagnostics) is { Count: > 0 } records)
        {
            result = new FormTableReader.Result(records, null, null);
            // A record table's kind is in its columns: actual values and scores make a self-evaluation.
            kind = records.Any(r => r.Indicators.Any(i => i.Actual is not null || i.Score is not null)) ? DocumentKind.SelfEvaluation
                : kind == DocumentKind.DepartmentTargets ? kind : DocumentKind.Targets;
        }
        else
        {
            result = new FormTableReader(document.FileName, rows, vocabulary, kind, diagnostics).Read();
        }

        var projects = result.Projects;
        if (projects.Count == 1 && projects[0].Name is null && NarrativeReader.Subject(title) is { } subject)
        {
            // A form without a 项目名称 label names its project in the title ("2019年度宁晋县高中助学金项目绩效评价指标表").
            projects = [projects[0] with { Name = subject }];
        }

        var proseFindings = new List<ReadFinding>();
        var statedGrade = result.StatedGrade;
        if (kind is DocumentKind.Report or DocumentKind.Monitoring && projects.All(p => p.Indicators.Count == 0))
        {
            var prose = ProseReader.Read(document.FileName, rows);
            proseFindings.AddRange(prose.Findings);
            statedGrade ??= prose.Grade;
            var listed = prose.Projects.Where(p => p.AmountWanYuan is not null || kind == DocumentKind.Monitoring).ToList();
            if (listed.Count >= 2)
            {
                projects = listed;
            }
            else
            {
                projects = NarrativeReader.Read(document.FileName, rows, kind, title, projects);
                if (projects.Count == 1)
                {
                    // Indicators written in sentences with the table's labels ("…年初任务数101974人,全年完成值103119人").
                    var inline = projects[0].Indicators.Count == 0 ? InlineIndicators.Read(ProseReader.Join(rows), document.FileName, vocabulary) : [];
                    projects = [projects[0] with
                        {
                            AmountWanYuan = projects[0].AmountWanYuan ?? prose.Budget, ExecutedWanYuan = projects[0].ExecutedWanYuan ?? prose.Executed,
                            Indicators = inline.Count > 0 ? inline : projects[0].Indicators,
                        },
                        .. prose.Projects.Where(p => p.AmountWanYuan is null && p.Name != projects[0].Name)];
                }
            }
        }

        if (projects.Count == 0 || projects.All(p => p.Name is null && p.Indicators.Count == 0 && p.AmountWanYuan is null))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, ReadingCodes.NothingRead, new SourceLocation(document.FileName),
                $"没有读到任何项目：文件被识别为{ReadDocument.KindTitle(kind)}，但没有找到项目名称、金额或绩效指标。"
                + $"共 {rows.Count} 行，请确认文件是绩效目标表、自评表、监控表或评价报告。"));
        }

        var findings = Checks.Run(kind, projects, result.StatedTotal, statedGrade, [(ProseReader.Join(rows), document.FileName)]);
        return new ReadDocument(document.FileName, document.Format, kind, title, projects, result.StatedTotal, statedGrade, [.. findings, .. proseFindings], diagnostics);
    }

    internal static List<List<Tok>> Rows(GridDocument document)
    {
        var rows = new List<List<Tok>>();
        var gridIndex = -1;
        foreach (var grid in document.Grids)
        {
            gridIndex++;
            foreach (var row in grid.Rows)
            {
                var toks = new List<Tok>(row.Count);
                foreach (var cell in row)
                {
                    var text = ReadingText.Display(cell.Text);
                    if (text.Length == 0 && row.Count > 1)
                    {
                        continue;
                    }

                    toks.Add(new Tok(text, ReadingText.Key(text), rows.Count, cell.Location)
                    {
                        Column = document.Format == "text" && !grid.Positional ? -1 : cell.Column,
                        ColumnSpan = cell.ColumnSpan,
                        Grid = gridIndex,
                    });
                }

                if (toks.Count > 0)
                {
                    rows.Add(toks);
                }
            }
        }

        return rows;
    }
}

/// <summary>A cell as the recognisers see it: its display text, its comparison key, its row and where it is.</summary>
internal sealed record Tok(string Text, string Key, int Row, string Location)
{
    /// <summary>The cell's column in its grid where the format has geometry (Office, HTML, PDF); -1 for text.</summary>
    public int Column { get; init; } = -1;

    public int ColumnSpan { get; init; } = 1;

    public int Grid { get; init; }

    /// <summary>An empty cell kept only where a copy has one cell per line (its position carries the column).</summary>
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>Stable codes of the recognisers' diagnostics (RDGxxx).</summary>
public static class ReadingCodes
{
    /// <summary>Nothing that makes a project was found.</summary>
    public const string NothingRead = "RDG001";
    /// <summary>A cell of an indicator table could not be placed in a column.</summary>
    public const string UnplacedCell = "RDG002";
    /// <summary>The document ends inside a table (a web copy cut short).</summary>
    public const string CutShort = "RDG003";
    /// <summary>A form field is given twice with different values; the first is kept.</summary>
    public const string FieldTwice = "RDG004";
    /// <summary>The money unit is not stated and was inferred.</summary>
    public const string UnitInferred = "RDG005";
    /// <summary>The indicator table's header is not in the document (a fragment); its columns were inferred.</summary>
    public const string HeaderMissing = "RDG006";
}

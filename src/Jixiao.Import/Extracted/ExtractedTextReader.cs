using System.Text.RegularExpressions;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Text;
using Jixiao.Import.Imports;
using Jixiao.Import.Tables;
using Jixiao.Import.Text;

namespace Jixiao.Import.Extracted;

/// <summary>
/// Layout 2: the project table as text extracted from a PDF (003). Each project is a name line ending in its
/// amounts ("    公费医疗超支及自付经费 7.00 7.00"), its goal wrapped over several lines, then its indicators
/// ("1、1-产出指标；11-数量指标；…") wrapped anywhere, even inside a word or a number. A long name breaks before
/// the amounts ("    法制监督工作经费（含法学会经" / "费）" / "30.00 30.00"): the name starts on an indented line,
/// or, where the extraction kept no indentation, it is the unfinished lines just above the amounts. A line with
/// amounts and no goal under it is a unit (its subtotal); "合计" is the table total. Pieces are joined without
/// spaces (Chinese), each indicator keeping the line it starts on.
/// </summary>
public static partial class ExtractedTextReader
{
    [GeneratedRegex(@"^(?<name>.*?)(?:^|\s+)(?<amounts>(?:-?\d{1,3}(?:,\d{3})*\.\d{2}|-?\d+\.\d{2})(?:\s+(?:-?\d{1,3}(?:,\d{3})*\.\d{2}|-?\d+\.\d{2}|-))*)\s*$")]
    private static partial Regex AmountLine();

    [GeneratedRegex(@"^\s*\d{1,3}\s*、\s*\d{1,2}\s*-")]
    private static partial Regex IndicatorStart();

    public static bool IsHeader(string line)
    {
        if (!line.Contains("项目", StringComparison.Ordinal))
        {
            return false;
        }

        var key = ChineseText.Collapse(line);
        return key.Contains("项目名称", StringComparison.Ordinal) && key.Contains("绩效指标", StringComparison.Ordinal)
            && (key.Contains("总计", StringComparison.Ordinal) || key.Contains("财政拨款", StringComparison.Ordinal))
            && !line.Contains('|', StringComparison.Ordinal);
    }

    public static bool LooksLikeIndicatorStart(string line) => IndicatorStart().IsMatch(ChineseText.Normalize(line));

    public static void Read(IEnumerable<SourceLine> lines, ImportContext context) => new State(context).Run(lines);

    private sealed class State(ImportContext context)
    {
        private readonly List<SourceLine> pendingName = [];
        private bool sawHeader;
        private bool indentedNames;
        private Row? row;

        public void Run(IEnumerable<SourceLine> lines)
        {
            foreach (var line in lines)
            {
                if (line.IsBlank)
                {
                    continue;
                }

                Accept(line);
            }

            FlushPendingName();
            Close(nextIsRow: false);
        }

        private void Accept(SourceLine line)
        {
            var text = line.Text.TrimEnd();
            var normalized = ChineseText.Normalize(text);
            if (IsHeader(text))
            {
                sawHeader = true;
                return;
            }

            if (!sawHeader || row is null && pendingName.Count == 0)
            {
                if (Preamble.TryRead(text) is { } facts)
                {
                    context.Apply(facts);
                    return;
                }
            }
            else if (IsPageFurniture(normalized) && !IndicatorStart().IsMatch(normalized) && Preamble.TryRead(text) is { Department: null, Unit: null })
            {
                return;
            }

            var indent = text.Length - text.TrimStart().Length;
            var amountMatch = MayEndInAmount(normalized) ? AmountLine().Match(normalized) : Match.Empty;
            if (amountMatch.Success && !amountMatch.Groups["name"].Value.Contains("指标值", StringComparison.Ordinal))
            {
                NoteHeader(line);
                AmountRow(line, text, amountMatch, indent);
                return;
            }

            if (IndicatorStart().IsMatch(normalized) && row is { } current && pendingName.Count == 0)
            {
                current.Decided(isProject: true);
                current.InIndicators = true;
                current.Lines.Add(line);
                return;
            }

            if (indentedNames && indent >= 2)
            {
                FlushPendingName();
                pendingName.Add(line);
                return;
            }

            if (pendingName.Count > 0)
            {
                pendingName.Add(line);
                return;
            }

            if (row is { } open)
            {
                open.Decided(isProject: true);
                open.Lines.Add(line);
                return;
            }

            context.Report(Severity.Warning, ImportCodes.UnusedLine, context.At(line), $"这一行不属于任何项目，未读取：“{Shorten(text.Trim())}”。");
        }

        private void AmountRow(SourceLine line, string text, Match match, int indent)
        {
            var namePart = text[..match.Groups["name"].Length].Trim();
            var nameLines = new List<SourceLine>(pendingName);
            pendingName.Clear();

            if (nameLines.Count == 0 && namePart.Length == 0 && row is { IsProject: true } previous)
            {
                // No indentation to show where the name began: take the unfinished lines just above the amounts.
                nameLines.AddRange(previous.TakeUnfinishedTail());
            }

            if (indent >= 2 && namePart.Length > 0 || nameLines.Count > 0 && nameLines[0].Text.Length - nameLines[0].Text.TrimStart().Length >= 2)
            {
                indentedNames = true;
            }

            var name = string.Concat(nameLines.Select(l => l.Text.Trim())) + namePart;
            var location = nameLines.Count > 0 ? context.At(nameLines[0]) : context.At(line);
            var tokens = match.Groups["amounts"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

            if (name.Length == 0)
            {
                context.Report(Severity.Warning, ImportCodes.UnusedLine, context.At(line), $"金额行“{text.Trim()}”前找不到项目名称，未读取。");
                return;
            }

            var amounts = Amounts(tokens, name, context.At(line));
            if (ProjectRows.IsTotalName(name))
            {
                Close(nextIsRow: true);
                context.TableTotal(amounts.Total, location);
                return;
            }

            Close(nextIsRow: true);
            var isUnit = indentedNames && indent < 2 && nameLines.Count == 0 && !ProjectRows.LooksLikeProject(name);
            row = new Row(name, amounts, location, decidedUnit: isUnit);
        }

        private ProjectAmounts Amounts(string[] tokens, string name, SourceLocation location)
        {
            // Columns in order 总计, 财政拨款, 财政专户拨款, 其他资金; blank cells leave no token, so two tokens are 总计 and 财政拨款.
            decimal? Get(int i, string label) => i < tokens.Length ? ProjectRows.Amount(context, tokens[i], label, name, location) : null;
            return new ProjectAmounts(Get(0, "总计"), Get(1, "财政拨款"), Get(2, "财政专户拨款"), Get(3, "其他资金"), context.AmountUnit);
        }

        /// <summary>Ends the open row. A row still undecided becomes a unit when another row follows at once, else a project.</summary>
        private void Close(bool nextIsRow)
        {
            if (row is not { } r)
            {
                return;
            }

            row = null;
            var isUnit = r.IsUnit || r.IsProject is null && nextIsRow && r.Lines.Count == 0 && !ProjectRows.LooksLikeProject(r.Name);
            if (isUnit)
            {
                context.Unit(r.Name, r.Amounts.Total, r.Location);
                foreach (var l in r.Lines)
                {
                    context.Report(Severity.Warning, ImportCodes.UnusedLine, context.At(l),
                        $"单位“{r.Name}”的小计行下的文字未读取：“{Shorten(l.Text.Trim())}”。");
                }

                return;
            }

            var goal = string.Concat(r.Lines.TakeWhile((_, i) => i < r.IndicatorStart).Select(l => l.Text.Trim()));
            var indicators = new LocatedText.Builder();
            foreach (var l in r.Lines.Skip(r.IndicatorStart))
            {
                indicators.Append(l.Text.Trim(), context.At(l));
            }

            context.Project(ProjectRows.Build(context, r.Name, r.Amounts, goal, indicators.Build(), r.Location));
        }

        private void FlushPendingName()
        {
            if (pendingName.Count == 0)
            {
                return;
            }

            if (row is { } open)
            {
                open.Lines.AddRange(pendingName);
            }
            else
            {
                foreach (var l in pendingName)
                {
                    context.Report(Severity.Warning, ImportCodes.UnusedLine, context.At(l), $"这一行不属于任何项目，未读取：“{Shorten(l.Text.Trim())}”。");
                }
            }

            pendingName.Clear();
        }

        private void NoteHeader(SourceLine line)
        {
            if (!sawHeader)
            {
                sawHeader = true;
                context.Report(Severity.Error, ImportCodes.NoHeader, context.At(line),
                    "表格没有表头（项目名称 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标），按这一标准列顺序读取，请核对。");
            }
        }

        private static bool IsPageFurniture(string text) => text.Trim().Length <= 12;

        /// <summary>A cheap test before the amount regex: the line ends in "d.dd" (table amounts have two decimals) or "-".</summary>
        private static bool MayEndInAmount(string text)
        {
            var end = text.Length;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return end >= 4 && char.IsAsciiDigit(text[end - 1]) && char.IsAsciiDigit(text[end - 2]) && text[end - 3] == '.'
                || end >= 1 && text[end - 1] == '-';
        }
    }

    private sealed class Row(string name, ProjectAmounts amounts, SourceLocation location, bool decidedUnit)
    {
        public string Name { get; } = name;
        public ProjectAmounts Amounts { get; } = amounts;
        public SourceLocation Location { get; } = location;
        public List<SourceLine> Lines { get; } = [];
        public bool? IsProject { get; private set; } = decidedUnit ? false : null;
        public bool IsUnit => IsProject == false;

        private int indicatorStart = -1;

        public int IndicatorStart => indicatorStart < 0 ? Lines.Count : indicatorStart;

        public bool InIndicators
        {
            get => indicatorStart >= 0;
            set
            {
                if (value && indicatorStart < 0)
                {
                    indicatorStart = Lines.Count;
                }
            }
        }

        public void Decided(bool isProject)
        {
            IsProject ??= isProject;
        }

        /// <summary>Removes and returns the last lines that do not end a sentence or an indicator (at most three).</summary>
        public List<SourceLine> TakeUnfinishedTail()
        {
            var tail = new List<SourceLine>();
            while (Lines.Count > 0 && tail.Count < 3)
            {
                var last = ChineseText.Normalize(Lines[^1].Text).TrimEnd();
                if (last.EndsWith('。') || last.EndsWith(';') || last.EndsWith('.') || last.Contains("指标值", StringComparison.Ordinal)
                    || Lines.Count - 1 < indicatorStart)
                {
                    break;
                }

                tail.Insert(0, Lines[^1]);
                Lines.RemoveAt(Lines.Count - 1);
            }

            return tail;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

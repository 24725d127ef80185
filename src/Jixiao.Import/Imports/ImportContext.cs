using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Import.Text;

namespace Jixiao.Import.Imports;

/// <summary>
/// What every reader writes through: it passes findings on to the sink and does the cross-checks as the rows
/// stream by (总计 = 财政拨款 + 财政专户拨款 + 其他资金 per row, unit subtotal = its projects, 合计 = its units), so
/// nothing needs to be kept to check a file of any size.
/// </summary>
public sealed class ImportContext
{
    private readonly IImportSink sink;
    private readonly ImportOptions options;
    private readonly Dictionary<string, int> countByCode = new(StringComparer.Ordinal);

    private string? unitName;
    private decimal? unitStated;
    private SourceLocation? unitLocation;
    private decimal unitSum;
    private int unitProjects;
    private bool unitOpen;

    private decimal? tableStated;
    private SourceLocation? tableLocation;
    private decimal unitsSum;
    private bool finished;
    private bool yearWarned;

    public ImportContext(string file, IImportSink sink, ImportOptions? options = null)
    {
        File = file;
        this.sink = sink;
        this.options = options ?? ImportOptions.Default;
        FiscalYear = this.options.FiscalYear;
    }

    public string File { get; }

    public ImportOptions Options => options;

    public MoneyUnit AmountUnit { get; private set; } = MoneyUnit.WanYuan;

    public string? Department { get; private set; }

    /// <summary>
    /// The 年度 a title states ("2024年…绩效目标表"), given to every project read after it; before any title states one,
    /// the year chosen at upload (<see cref="ImportOptions.FiscalYear"/>).
    /// </summary>
    public int? FiscalYear { get; private set; }

    public int ProjectCount { get; private set; }

    public int ErrorCount { get; private set; }

    public bool HasUnit => unitOpen;

    public SourceLocation Line(int line) => new(File, line);

    public SourceLocation Cell(string cell) => new(File, null, cell);

    public SourceLocation At(Text.SourceLine line) => line.Cell is { } cell ? new(File, null, cell) : new(File, line.Number);

    public void Layout(string layout) => sink.Layout(layout);

    public void Document(string? department, MoneyUnit amountUnit)
    {
        Department = department ?? Department;
        AmountUnit = amountUnit;
        sink.Document(Department, amountUnit);
    }

    /// <summary>Takes what a preamble line states: 部门名称, 单位 (万元/元), the year of the title.</summary>
    public void Apply(Tables.Preamble.Facts facts)
    {
        if (facts.FiscalYear is { } stated && options.FiscalYear is { } chosen && stated != chosen && !yearWarned)
        {
            yearWarned = true;
            Report(Severity.Warning, ImportCodes.YearDiffers, null,
                $"文件标题写明预算年度为 {stated} 年，与上传时选择的 {chosen} 年不同，按文件写明的 {stated} 年导入。");
        }

        FiscalYear = facts.FiscalYear ?? FiscalYear;
        if (facts.Department is not null || facts.Unit is not null)
        {
            Document(facts.Department, facts.Unit ?? AmountUnit);
        }
    }

    public void Report(Severity severity, string code, SourceLocation? location, string message)
    {
        if (severity == Severity.Error)
        {
            ErrorCount++;
        }

        countByCode.TryGetValue(code, out var count);
        countByCode[code] = count + 1;
        if (count < options.MaxDiagnosticsPerCode)
        {
            sink.Report(new Diagnostic(severity, code, location, message));
        }
    }

    public void Report(Diagnostic diagnostic) => Report(diagnostic.Severity, diagnostic.Code, diagnostic.Location, diagnostic.Message);

    public void TableTotal(decimal? stated, SourceLocation location)
    {
        tableStated = stated;
        tableLocation = location;
        sink.TableTotal(stated, location);
    }

    public void Unit(string name, decimal? stated, SourceLocation location)
    {
        CloseUnit();
        unitName = name;
        unitStated = stated;
        unitLocation = location;
        unitSum = 0;
        unitProjects = 0;
        unitOpen = true;
        sink.Unit(name, stated, location);
    }

    public void Project(Project project)
    {
        if (!unitOpen)
        {
            var name = Department ?? "（未注明单位）";
            Report(Severity.Info, ImportCodes.NoUnit, project.Location,
                $"项目“{project.Name}”之前没有单位行，归入“{name}”。");
            Unit(name, null, project.Location ?? new SourceLocation(File));
        }

        var amounts = project.Amounts;
        if (amounts.Total is { } total && (amounts.Fiscal ?? amounts.FiscalSpecial ?? amounts.Other) is not null && !amounts.Balances)
        {
            Report(Severity.Warning, ImportCodes.RowDoesNotAdd, project.Location,
                $"项目“{project.Name}”的总计 {Amounts.Format(total)} 不等于财政拨款、财政专户拨款与其他资金之和 {Amounts.Format(amounts.SumOfSources)}。");
        }

        unitSum += amounts.Total ?? amounts.SumOfSources;
        unitProjects++;
        ProjectCount++;
        sink.Project(project);
    }

    /// <summary>Closes the last unit and checks the table's 合计. Call once, after the last row.</summary>
    public void Finish()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        CloseUnit();
        if (tableStated is { } stated && unitsSum != stated)
        {
            Report(Severity.Warning, ImportCodes.TableDoesNotAdd, tableLocation,
                $"合计行写的是 {Amounts.Format(stated)}，各单位合计为 {Amounts.Format(unitsSum)}，相差 {Amounts.Format(stated - unitsSum)}。");
        }

        foreach (var (code, count) in countByCode.Where(p => p.Value > options.MaxDiagnosticsPerCode).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sink.Report(new Diagnostic(Severity.Info, ImportCodes.TooManyDiagnostics, new SourceLocation(File),
                $"{code} 共出现 {count} 次，只列出了前 {options.MaxDiagnosticsPerCode} 次。"));
        }
    }

    private void CloseUnit()
    {
        if (!unitOpen)
        {
            return;
        }

        unitOpen = false;
        if (unitStated is { } stated && unitSum != stated)
        {
            Report(Severity.Warning, ImportCodes.UnitDoesNotAdd, unitLocation,
                $"单位“{unitName}”的小计写的是 {Amounts.Format(stated)}，其 {unitProjects} 个项目合计 {Amounts.Format(unitSum)}，相差 {Amounts.Format(stated - unitSum)}。");
        }

        unitsSum += unitStated ?? unitSum;
    }
}

using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;

namespace Jixiao.Import.Imports;

/// <summary>Keeps everything a reader reports and builds the <see cref="ImportResult"/>.</summary>
public sealed class ImportCollector(string file) : IImportSink
{
    private readonly List<UnitBuilder> units = [];
    private readonly List<Diagnostic> diagnostics = [];
    private string layout = ImportLayouts.Unknown;
    private string? department;
    private MoneyUnit amountUnit = MoneyUnit.WanYuan;
    private decimal? statedTotal;

    public void Layout(string name) => layout = name;

    public void Document(string? departmentName, MoneyUnit unit)
    {
        department = departmentName ?? department;
        amountUnit = unit;
    }

    public void TableTotal(decimal? total, SourceLocation location) => statedTotal = total;

    public void Unit(string name, decimal? total, SourceLocation location) => units.Add(new UnitBuilder(name, total, location));

    public void Project(Project project)
    {
        if (units.Count == 0)
        {
            units.Add(new UnitBuilder(department ?? "（未注明单位）", null, null));
        }

        units[^1].Projects.Add(project);
    }

    public void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    public ImportResult Build() => new(
        file,
        layout,
        department,
        amountUnit,
        statedTotal,
        units.Select(u => new BudgetUnit(u.Name, department, u.StatedTotal, u.Projects.AsReadOnly(), u.Location)).ToList(),
        diagnostics.AsReadOnly());

    private sealed record UnitBuilder(string Name, decimal? StatedTotal, SourceLocation? Location)
    {
        public List<Project> Projects { get; } = [];
    }
}

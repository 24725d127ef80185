using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Projects;

public sealed class IndexModel(JixiaoDbContext db, AccessService access, StampCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public ReviewStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? Min { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? Max { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Grade { get; set; }
    /// <summary>The page asked for by <c>?page=</c>, bound in <see cref="OnGetAsync"/>: Razor Pages' own route value "page"
    /// (the page's path) wins over the query string in property binding, so every list showed page 1.</summary>
    public int PageNumber { get; private set; } = 1;

    public Page<ProjectRow> Result { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The grade filter's choices: 优 良 中 差 and any other grade an evaluation has (a configured scale's).</summary>
    public IReadOnlyList<string> Grades { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page ?? 1);
        var scope = await access.GetAsync(cancellationToken);
        Result = await ProjectList.RunAsync(db, scope, new ProjectListQuery(Q, Unit, Status, Min, Max, Sort, Desc, PageNumber, Year: Year, Grade: Grade), cancellationToken, cache);
        // The unit filter's choices: kept until projects or units change (an admin's list has every unit of the city).
        var stamp = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects, cancellationToken);
        var key = "unit-choices|" + StampCache.ScopeKey(scope);
        if (!cache.TryGet(key, stamp, out List<(int Id, string Name)>? units) || units is null)
        {
            units = (await scope.Visible(db.Units.AsNoTracking()).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken))
                .Select(u => (u.Id, u.Name)).ToList();
            cache.Set(key, stamp, units);
        }

        Units = units;

        // The years and grades to choose from, kept the same way (a grade change moves the stamp too).
        var choicesKey = "year-grade-choices|" + StampCache.ScopeKey(scope);
        if (!cache.TryGet(choicesKey, stamp, out (List<int> Years, List<string> Grades) choices))
        {
            var years = await scope.Visible(db.Projects.AsNoTracking()).Where(p => p.FiscalYear != null).Select(p => p.FiscalYear!.Value).Distinct()
                .OrderByDescending(y => y).ToListAsync(cancellationToken);
            var graded = await db.Evaluations.AsNoTracking().Where(e => e.Grade != null).Select(e => e.Grade!).Distinct().ToListAsync(cancellationToken);
            string[] usual = ["优", "良", "中", "差"];
            choices = (years, [.. usual, .. graded.Except(usual).Order(StringComparer.Ordinal)]);
            cache.Set(choicesKey, stamp, choices);
        }

        (Years, Grades) = choices;
    }

    /// <summary>This list's URL with the current filters and some of them changed.</summary>
    public string ListUrl(string? sort = null, bool? desc = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["unit"] = Unit?.ToString(CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(),
            ["min"] = Min?.ToString(CultureInfo.InvariantCulture),
            ["max"] = Max?.ToString(CultureInfo.InvariantCulture),
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
            ["grade"] = Grade,
            ["sort"] = sort ?? Sort,
            ["desc"] = (desc ?? Desc) ? "true" : null,
            ["page"] = (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/projects", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}

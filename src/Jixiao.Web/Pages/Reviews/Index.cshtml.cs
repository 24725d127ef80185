using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Projects;
using Jixiao.App.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Reviews;

/// <summary>审核 page: the 审核口径 in force and their choice, then the projects in the user's scope by workflow state, the queue first.</summary>
public sealed class IndexModel(JixiaoDbContext db, AccessService access, StampCache cache, TimeProvider clock) : PageModel
{
    public Page<ProjectRow> Submitted { get; private set; } = null!;
    public Page<ProjectRow> Returned { get; private set; } = null!;
    public Page<ProjectRow> Approved { get; private set; } = null!;

    /// <summary>The system's score and open errors of every listed project, by id, and its 初审小结 under a 审核口径.</summary>
    public IReadOnlyDictionary<int, QueueFigures> Figures { get; private set; } = new Dictionary<int, QueueFigures>();

    /// <summary>The units in scope, for a review workbook per unit.</summary>
    public IReadOnlyList<UnitEntity> Units { get; private set; } = [];

    /// <summary>The 审核口径 options, the choices in scope, and for whom the user may choose.</summary>
    public RulebookChoicesView Rulebooks { get; private set; } = null!;

    /// <summary>The unit and year the choice form starts with (from a project page's 更换审核口径 link).</summary>
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The versions of the choices as this page showed them ("scopeKey=version;…"): a choice changed since is a conflict.</summary>
    public string SeenVersions => string.Join(";", Rulebooks.Choices.Select(c => $"{c.ScopeKey}={c.Version.ToString(CultureInfo.InvariantCulture)}"));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        Units = await scope.Visible(db.Units.AsNoTracking()).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        Rulebooks = await RulebookChoiceList.RunAsync(db, scope, cancellationToken);
        Submitted = await ProjectList.RunAsync(db, scope, new ProjectListQuery(Status: ReviewStatus.Submitted, PageSize: 50), cancellationToken, cache);
        Returned = await ProjectList.RunAsync(db, scope, new ProjectListQuery(Status: ReviewStatus.Returned, PageSize: 20), cancellationToken, cache);
        Approved = await ProjectList.RunAsync(db, scope, new ProjectListQuery(Status: ReviewStatus.Approved, PageSize: 20), cancellationToken, cache);
        Figures = await ReviewQueue.FiguresAsync(db, scope, Submitted.Items.Concat(Returned.Items).Concat(Approved.Items).Select(p => p.Id), cancellationToken);
    }

    /// <param name="unit">A unit's id, or "district" for the whole district (admins).</param>
    /// <param name="year">The 预算年度; blank for every year.</param>
    public async Task<IActionResult> OnPostRulebookAsync(string? unit, string? year, string? rulebook, IFormFile? file, string? reason, string? seen,
        CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        int? unitId = int.TryParse(unit, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : null;
        int? fiscalYear = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year.Trim().TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                TempData["Error"] = $"预算年度“{year.Trim()}”不是有效的年份：请填写四位年份，或留空（所有年度）。";
                return Redirect("/reviews#rulebooks");
            }

            fiscalYear = y;
        }

        byte[]? content = null;
        if (rulebook == RulebookFiles.File)
        {
            if (file is null || file.Length == 0)
            {
                TempData["Error"] = "请选择要上传的审核口径文件（宝安格式的 .xlsx，或审核口径 JSON）。";
                return Redirect("/reviews#rulebooks");
            }

            // One byte over the limit is enough for the use case to say the file is too large.
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length <= RulebookFiles.MaxBytes && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            content = buffer.ToArray();
        }

        var key = RulebookInForce.ScopeKey(unitId, fiscalYear);
        var version = (seen ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == key).Select(p => long.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .DefaultIfEmpty(0).First();
        var (outcome, choice) = await ChooseRulebook.RunAsync(db, scope,
            new ChooseRulebookRequest(unitId, fiscalYear, rulebook, reason, version, file?.FileName, content), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, $"审核口径已更换为“{choice?.Title}”。", "/reviews#rulebooks");
    }
}

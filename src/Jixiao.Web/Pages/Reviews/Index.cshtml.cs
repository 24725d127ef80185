using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Projects;
using Jixiao.App.Reviews;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Reviews;

/// <summary>审核 page: the projects in the user's scope by workflow state, the queue first.</summary>
public sealed class IndexModel(JixiaoDbContext db, AccessService access, StampCache cache) : PageModel
{
    public Page<ProjectRow> Submitted { get; private set; } = null!;
    public Page<ProjectRow> Returned { get; private set; } = null!;
    public Page<ProjectRow> Approved { get; private set; } = null!;

    /// <summary>The system's score and open errors of every listed project, by id.</summary>
    public IReadOnlyDictionary<int, QueueFigures> Figures { get; private set; } = new Dictionary<int, QueueFigures>();

    /// <summary>The units in scope, for a review workbook per unit.</summary>
    public IReadOnlyList<UnitEntity> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        Units = await scope.Visible(db.Units.AsNoTracking()).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        Submitted = await ProjectList.RunAsync(db, scope, new ProjectListQuery(Status: ReviewStatus.Submitted, PageSize: 50), cancellationToken, cache);
        Returned = await ProjectList.RunAsync(db, scope, new ProjectListQuery(Status: ReviewStatus.Returned, PageSize: 20), cancellationToken, cache);
        Approved = await ProjectList.RunAsync(db, scope, new ProjectListQuery(Status: ReviewStatus.Approved, PageSize: 20), cancellationToken, cache);
        Figures = await ReviewQueue.FiguresAsync(db, scope, Submitted.Items.Concat(Returned.Items).Concat(Approved.Items).Select(p => p.Id), cancellationToken);
    }
}

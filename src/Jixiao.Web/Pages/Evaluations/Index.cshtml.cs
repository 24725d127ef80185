using Jixiao.App.Evaluations;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Evaluations;

public sealed record EvaluationRow(int Id, string Project, string Unit, string Kind, string? Expert, decimal? Total, string? Grade, EvaluationStatus Status);

/// <summary>评价 list: the evaluations in the user's scope and those assigned to them.</summary>
public sealed class IndexModel(JixiaoDbContext db, AccessService access) : PageModel
{
    public IReadOnlyList<EvaluationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        Rows = await EvaluationSheets.Visible(db, scope).AsNoTracking().OrderByDescending(e => e.Id).Take(200)
            .Select(e => new EvaluationRow(e.Id, e.Project!.Name, e.Project.Unit!.Name, e.Kind.Chinese(),
                db.Users.Where(u => u.Id == e.AssignedExpertId).Select(u => u.DisplayName).FirstOrDefault(), e.Total, e.Grade, e.Status))
            .ToListAsync(cancellationToken);
    }
}

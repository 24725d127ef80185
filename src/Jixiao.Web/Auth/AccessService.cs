using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Auth;

/// <summary>Builds the <see cref="AccessScope"/> of the request's user (one query, cached for the request).</summary>
public sealed class AccessService(JixiaoDbContext db, IHttpContextAccessor http)
{
    private AccessScope? _scope;

    public async Task<AccessScope> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        var user = http.HttpContext?.User ?? new ClaimsPrincipal();
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        // An admin's scope is everything: their unit links (if any) decide nothing, so they are not read.
        var units = id.Length == 0 || roles.Contains(Roles.Admin)
            ? []
            : await db.UserUnits.AsNoTracking().Where(u => u.UserId == id).OrderBy(u => u.UnitId).Select(u => u.UnitId).ToArrayAsync(cancellationToken);
        _scope = new AccessScope(id, WebActor.DisplayName(user), roles, units);
        return _scope;
    }
}

/// <summary>The logged-in user's display name, for the audit log.</summary>
public sealed class WebActor(IHttpContextAccessor http) : IAuditActor
{
    public const string DisplayNameClaim = "jixiao:display_name";

    public string Name => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? DisplayName(user) : "系统";

    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
}

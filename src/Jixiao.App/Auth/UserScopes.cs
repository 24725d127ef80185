using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Auth;

/// <summary>Access scopes outside a web request: the command line acts as a named user, or as the system.</summary>
public static class UserScopes
{
    /// <summary>The command line without a user: everything, written to the audit log as 命令行.</summary>
    public static AccessScope CommandLine { get; } = new("", "命令行", new HashSet<string> { Roles.Admin }, []);

    /// <summary>
    /// The scope of the stored user with this login name, as their web requests get it (roles, and unit links unless
    /// an admin); null when there is no such user.
    /// </summary>
    public static async Task<AccessScope?> ForUserNameAsync(JixiaoDbContext db, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == user.Id
                           select role.Name).ToListAsync(cancellationToken);
        var roleSet = roles.OfType<string>().ToHashSet();
        var units = roleSet.Contains(Roles.Admin)
            ? []
            : await db.UserUnits.AsNoTracking().Where(u => u.UserId == user.Id).OrderBy(u => u.UnitId).Select(u => u.UnitId).ToArrayAsync(cancellationToken);
        return new AccessScope(user.Id, user.DisplayName.Length > 0 ? user.DisplayName : userName, roleSet, units);
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Web.Auth;

/// <summary>
/// Ends a session on the server: a login cookie counts only while its security stamp is the user's stamp in the database
/// and the user is not disabled. Logout, a password change, disabling and a role change all give the user a new stamp,
/// so a cookie copied before no longer works. The stamp read is kept per user for <see cref="MaxAge"/>, so a busy client
/// costs one query per user every <see cref="MaxAge"/>, not one a request; a stamp changed through this instance's
/// DbContext is forgotten at once (<see cref="Interceptor"/>), one changed by another instance on the same database counts
/// after at most <see cref="MaxAge"/>.
/// </summary>
public sealed class SessionStamps(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (string? Stamp, long ReadAt)> _read = new(StringComparer.Ordinal);

    public void Forget(string userId) => _read.TryRemove(userId, out _);

    /// <summary>Logout: a new stamp ends this session and every copy of its cookie (and the user's other sessions), then the cookie goes.</summary>
    public static async Task EndAsync(SignInManager<JixiaoUser> signIn, ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
    }

    /// <summary>The cookie events' check: a stale or disabled login is rejected and its cookie removed.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> next)
    {
        var services = context.HttpContext.RequestServices;
        var stamps = services.GetRequiredService<SessionStamps>();
        var claimType = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(claimType);
        if (userId is null || stamp is null || !string.Equals(await stamps.CurrentAsync(userId, services, context.HttpContext.RequestAborted), stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await next(context);
    }

    /// <summary>The user's stamp as the database holds it; null for a disabled or deleted user.</summary>
    private async Task<string?> CurrentAsync(string userId, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_read.TryGetValue(userId, out var kept) && clock.GetElapsedTime(kept.ReadAt, now) < MaxAge)
        {
            return kept.Stamp;
        }

        var db = services.GetRequiredService<JixiaoDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);
        // A disabled account is locked out "for ever" (UserAdmin.SetDisabledAsync); a temporary lockout keeps open sessions.
        var current = user is null || user.LockoutEnd is { } end && end > clock.GetUtcNow().AddYears(100) ? null : user.SecurityStamp;
        _read[userId] = (current, now);
        return current;
    }

    /// <summary>Forgets the kept stamp of every user whose stamp or lockout a save of this instance changes.</summary>
    public sealed class Interceptor(SessionStamps stamps) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Forget(eventData.Context);
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Forget(eventData.Context);
            return base.SavingChanges(eventData, result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            // again after the write: a request that read the old stamp in between must not keep it
            Forget(eventData.Context);
            return base.SavedChangesAsync(eventData, result, cancellationToken);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Forget(eventData.Context);
            return base.SavedChanges(eventData, result);
        }

        private void Forget(DbContext? context)
        {
            if (context is null)
            {
                return;
            }

            foreach (var entry in context.ChangeTracker.Entries<JixiaoUser>())
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    stamps.Forget(entry.Entity.Id);
                }
            }
        }
    }
}

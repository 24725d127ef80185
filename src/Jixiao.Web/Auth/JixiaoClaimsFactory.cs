using System.Security.Claims;
using Jixiao.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Auth;

/// <summary>Adds the display name to the login cookie, so pages and the audit log need no user lookup.</summary>
public sealed class JixiaoClaimsFactory(UserManager<JixiaoUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<JixiaoUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(JixiaoUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WebActor.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

using Jixiao.Data.Entities;
using Jixiao.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.App.Auth;

/// <summary>The domain's <see cref="PasswordRules"/> as an Identity validator, so every way of setting a password applies them.</summary>
public sealed class PasswordPolicy : IPasswordValidator<JixiaoUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<JixiaoUser> manager, JixiaoUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problems = PasswordRules.Check(user.UserName, password);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. problems.Select(p => new IdentityError { Code = p.Code, Description = p.Message })]));
    }
}

using System.Reflection;
using Jixiao.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Auth;

/// <summary>
/// The password rules beyond Identity's length (≥ 10, set in ServiceRegistration): at least two kinds of character
/// (lower-case letters, upper-case letters, digits, anything else), not the login name nor containing it, and not one of
/// the common passwords in Data/common-passwords.txt (case ignored). Applies wherever a password is set: a new user, the
/// admin's reset, one's own change, the first admin of `jixiao serve`. The demo password jixiao2026 passes (letters and
/// digits, 10 characters, no demo login name in it).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<JixiaoUser>
{
    public const int KindsRequired = 2;

    private static readonly HashSet<string> Common = LoadCommon();

    public Task<IdentityResult> ValidateAsync(UserManager<JixiaoUser> manager, JixiaoUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        password ??= "";
        var errors = new List<IdentityError>();
        if (Kinds(password) < KindsRequired)
        {
            errors.Add(new IdentityError { Code = "PasswordTooFewKinds", Description = "密码须包含小写字母、大写字母、数字、符号中的至少两类。" });
        }

        // Login names are at least 2 characters here; a one-letter name would forbid every password with that letter.
        if (user.UserName is { Length: >= 2 } name && password.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含登录名。" });
        }

        if (Common.Contains(password.Trim()))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "这是一个常见密码，很容易被猜中，请换一个。" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static int Kinds(string password) =>
        (password.Any(char.IsAsciiLetterLower) ? 1 : 0) + (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
        + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jixiao.Web.Auth.Data.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var common = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry && !entry.StartsWith('#'))
            {
                common.Add(entry);
            }
        }

        return common;
    }
}

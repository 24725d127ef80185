namespace Jixiao.Domain.Accounts;

/// <summary>One broken password rule: a stable code and the Chinese message the user reads.</summary>
public sealed record PasswordProblem(string Code, string Message);

/// <summary>
/// The password rules beyond the minimum length (≥ <see cref="MinLength"/>, which Identity checks): at least two kinds
/// of character (lower-case letters, upper-case letters, digits, anything else), not containing the login name (case
/// ignored), and not one of the common passwords in Data/common-passwords.txt (case ignored; a data file, so the list
/// grows without a change of the rules). They apply wherever a password is set: a new user, the admin's reset, one's
/// own change, the first admin of `jixiao serve`. The demo password jixiao2026 passes (letters and digits, 10
/// characters, no demo login name in it).
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int KindsRequired = 2;

    private static readonly HashSet<string> Common = LoadCommon();

    /// <summary>The rules <paramref name="password"/> breaks for the login <paramref name="userName"/>; empty when it may be used.</summary>
    public static IReadOnlyList<PasswordProblem> Check(string? userName, string? password)
    {
        password ??= "";
        var problems = new List<PasswordProblem>();
        if (Kinds(password) < KindsRequired)
        {
            problems.Add(new PasswordProblem("PasswordTooFewKinds", "密码须包含小写字母、大写字母、数字、符号中的至少两类。"));
        }

        // Login names are at least 2 characters here; a one-letter name would forbid every password with that letter.
        if (userName is { Length: >= 2 } name && password.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new PasswordProblem("PasswordContainsUserName", "密码不能包含登录名。"));
        }

        if (Common.Contains(password.Trim()))
        {
            problems.Add(new PasswordProblem("PasswordCommon", "这是一个常见密码，很容易被猜中，请换一个。"));
        }

        return problems;
    }

    private static int Kinds(string password) =>
        (password.Any(char.IsAsciiLetterLower) ? 1 : 0) + (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
        + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);

    private static HashSet<string> LoadCommon()
    {
        using var stream = Jixiao.Domain.Data.EmbeddedData.Open("common-passwords.txt");
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

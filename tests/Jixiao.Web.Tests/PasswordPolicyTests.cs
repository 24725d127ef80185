using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;

namespace Jixiao.Web.Tests;

/// <summary>
/// The password policy, wherever a password is set (new user, the admin's reset, one's own change): at least 10
/// characters of at least two kinds, not containing the login name, not a common password. The demo password passes.
/// </summary>
public sealed class PasswordPolicyTests
{
    private const string TwoKinds = "密码须包含小写字母、大写字母、数字、符号中的至少两类。";
    private const string HasName = "密码不能包含登录名。";
    private const string Common = "这是一个常见密码，很容易被猜中，请换一个。";

    public static TheoryData<string, string, string?> Cases => new()
    {
        { "zhangsan", "password12", Common },
        { "zhangsan", "PASSWORD123", Common },
        { "zhangsan", "1qaz2wsx3edc", Common },
        { "zhangsan", "1234567890", TwoKinds + " " + Common },
        { "zhangsan", "zhangsan2026", HasName },
        { "zhangsan", "Li-ZhangSan-9", HasName },
        { "zhangsan", "abcdefghijk", TwoKinds },
        { "zhangsan", "短密码1", "密码至少需要 10 个字符。" },
        { "zhangsan", DemoSetup.Password, null },
        { "lisi", "Qingshui-he", null },
        { "wangwu", "贵州省财政厅预算绩效2026", null },
    };

    private static async Task<string?> CreateAsync(HttpClient admin, string userName, string password)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { userName, displayName = "测试" + userName, password, role = App.Auth.Roles.Expert, unitIds = Array.Empty<int>() });
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return null;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("detail").GetString();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_new_user_gets_a_password_only_under_the_policy(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var admin = await app.LoginAsync("admin");
        foreach (var row in Cases)
        {
            var (userName, password, expected) = ((string)row[0], (string)row[1], (string?)row[2]);
            (await CreateAsync(admin, userName, password)).ShouldBe(expected, $"{userName} / {password}");
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_admins_reset_and_ones_own_change_apply_the_same_policy(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var admin = await app.LoginAsync("admin");
        (await CreateAsync(admin, "pingshen", "Start-2026-pw")).ShouldBeNull();
        var id = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/users")).EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == "pingshen").GetProperty("id").GetString();

        var reset = await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "password12", reason = "忘记密码" });
        reset.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonSerializer.Deserialize<JsonElement>(await reset.Content.ReadAsStringAsync()).GetProperty("detail").GetString().ShouldBe(Common);

        var user = await app.LoginAsync("pingshen", "Start-2026-pw");
        var own = await user.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Start-2026-pw", newPassword = "pingshen-2027" });
        own.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonSerializer.Deserialize<JsonElement>(await own.Content.ReadAsStringAsync()).GetProperty("detail").GetString().ShouldBe(HasName);
        (await user.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Start-2026-pw", newPassword = "Baiyun-2027" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}

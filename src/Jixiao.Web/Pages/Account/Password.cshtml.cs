using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Account;

/// <summary>修改密码: every signed-in user changes their own password (current, new, new again). Other sessions end; this one stays.</summary>
public sealed class PasswordModel(JixiaoDbContext db, UserManager<JixiaoUser> users, SignInManager<JixiaoUser> signIn, AccessService access,
    TimeProvider clock, LoginThrottle throttle) : PageModel
{
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var outcome = await UserAdmin.ChangeOwnPasswordAsync(db, users, scope,
            new ChangePasswordRequest(currentPassword, newPassword, confirmPassword ?? ""), clock, throttle, ClientAddress.Of(HttpContext), cancellationToken);
        if (outcome is not Outcome.Done)
        {
            Error = PageOutcomes.Reason(outcome);
            return Page();
        }

        // The new security stamp would end this session too at its next check: sign in again with the new stamp.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(scope.UserId))!);
        TempData["Message"] = "密码已修改。您在其他地方已登录的会话将在 1 分钟内失效。";
        return RedirectToPage();
    }
}

using Jixiao.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<JixiaoUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await Auth.SessionStamps.EndAsync(signIn, User);
        return Redirect("/login");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

/// <summary>
/// The Chinese page of a status a page answered without a body (404 of an unknown or out-of-scope id, an unknown
/// address, 400, 405 …), re-executed by the pipeline so the browser never shows its own English error page.
/// </summary>
/// A form post re-executes as a post: it gets the same page, and a post refused for its token must not be refused again.
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        // The re-executed request keeps the original status; a direct visit of /status/404 answers 404 too.
        Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        (Title, Text) = Response.StatusCode switch
        {
            404 => ("找不到这个页面", "您要找的项目、评价或页面不存在，或不在您的查看范围内。请从项目列表或首页重新进入。"),
            403 => ("没有权限", "您的角色不能进行这个操作。如需权限，请联系系统管理员。"),
            400 => ("请求无法处理", "提交的内容不完整或已过期，请刷新页面后重试。"),
            405 => ("不支持的操作", "这个地址不支持这种操作，请从页面上的按钮进入。"),
            413 => ("文件过大", "上传的文件超过了上限，没有保存。请压缩或拆分后重新上传；页面上写明了每个文件的上限。"),
            _ => ("出错了", "请求没有完成，请稍后重试。如果问题持续，请联系系统管理员，并告知发生的时间。"),
        };
    }
}

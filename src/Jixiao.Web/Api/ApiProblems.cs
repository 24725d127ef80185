using Jixiao.Web.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Api;

/// <summary>Maps use-case outcomes to Chinese ProblemDetails, in one place.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult From(Outcome outcome) => outcome switch
    {
        Outcome.NotFound n => TypedResults.Problem(n.Message, statusCode: 404, title: TitleFor(404)),
        Outcome.Forbidden f => TypedResults.Problem(f.Message, statusCode: 403, title: TitleFor(403)),
        Outcome.Conflict c => TypedResults.Problem(c.Message, statusCode: 409, title: TitleFor(409)),
        Outcome.Invalid i => TypedResults.Problem(i.Message, statusCode: 400, title: TitleFor(400)),
        Outcome.Unavailable u => TypedResults.Problem(u.Message, statusCode: 503, title: TitleFor(503)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), "A successful outcome is not a problem."),
    };

    public static ProblemHttpResult NotFound(string what) => From(new Outcome.NotFound($"找不到{what}。"));

    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "请先登录",
        403 => "没有权限",
        404 => "未找到",
        409 => "冲突：数据已变化或状态不允许",
        503 => "暂时无法生成",
        _ => "服务器错误",
    };
}

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
        // Retry-After is set from the extension by RetryAfterFilter (a ProblemHttpResult carries no headers).
        Outcome.Busy b => TypedResults.Problem(b.Message, statusCode: 429, title: TitleFor(429),
            extensions: new Dictionary<string, object?> { [RetryAfterSeconds] = RetryAfterOf(b.RetryAfter) }),
        Outcome.TimedOut t => TypedResults.Problem(t.Message, statusCode: 422, title: TitleFor(422)),
        Outcome.TooLarge l => TypedResults.Problem(l.Message, statusCode: 413, title: TitleFor(413)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), "A successful outcome is not a problem."),
    };

    /// <summary>The ProblemDetails extension of a 429 that says, in whole seconds, what the Retry-After header says.</summary>
    public const string RetryAfterSeconds = "retryAfterSeconds";

    public static int RetryAfterOf(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>
    /// An endpoint filter of the API: a 429 problem with <see cref="RetryAfterSeconds"/> gets the Retry-After header.
    /// </summary>
    public static async ValueTask<object?> RetryAfterFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        var problem = result is INestedHttpResult nested ? nested.Result as ProblemHttpResult : result as ProblemHttpResult;
        if (problem is { StatusCode: 429 } && problem.ProblemDetails.Extensions.TryGetValue(RetryAfterSeconds, out var seconds) && seconds is int s)
        {
            context.HttpContext.Response.Headers.RetryAfter = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    public static ProblemHttpResult NotFound(string what) => From(new Outcome.NotFound($"找不到{what}。"));

    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "请先登录",
        403 => "没有权限",
        404 => "未找到",
        405 => "不支持的请求方法",
        409 => "冲突：数据已变化或状态不允许",
        413 => "文件或请求过大",
        415 => "不支持的内容类型",
        422 => "文件读取超时",
        423 => "账户已锁定",
        429 => "请求过于频繁",
        503 => "暂时无法生成",
        >= 400 and < 500 => "请求有误",
        _ => "服务器错误",
    };

    /// <summary>What a problem without its own message tells the user (errors of the host, not of a use case).</summary>
    public static string DetailFor(int status) => status switch
    {
        400 => "请求的格式或内容有误，请检查后重试。",
        401 => "请先登录。",
        403 => "您没有权限执行此操作。",
        404 => "找不到请求的内容。",
        405 => "该地址不支持此请求方法。",
        413 => $"上传的文件或请求过大：单个文件不能超过 {ImportFiles.MaxBytes / 1024 / 1024} MB。",
        415 => "请求的内容类型不受支持：上传文件请用 multipart/form-data，其他请求用 JSON。",
        429 => "请求过于频繁，请稍后再试。",
        >= 400 and < 500 => "请求有误，请检查后重试。",
        _ => "服务器处理请求时出错，请稍后重试。如果问题持续，请联系系统管理员，并告知发生的时间。",
    };
}

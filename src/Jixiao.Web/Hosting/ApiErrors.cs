using Jixiao.Web.Api;

namespace Jixiao.Web;

/// <summary>
/// The one exception handler of /api: whatever fails answers a Chinese ProblemDetails with a body, never an empty
/// response and never the .NET message (that goes to the log only). Pages keep the /Error page.
/// </summary>
public sealed partial class ApiErrors(RequestDelegate next, ILogger<ApiErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var status = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            if (status >= 500)
            {
                LogFailed(logger, ex, context.Request.Method, context.Request.Path);
            }

            context.Response.Clear();
            context.Response.StatusCode = status;
            await TypedResults.Problem(ApiProblems.DetailFor(status), statusCode: status, title: ApiProblems.TitleFor(status)).ExecuteAsync(context);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);
}

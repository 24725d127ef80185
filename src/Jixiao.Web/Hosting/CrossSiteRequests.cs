using Jixiao.Web.Api;

namespace Jixiao.Web;

/// <summary>
/// Refuses a state-changing call of /api (POST, PUT, PATCH, DELETE) that another site's page could have made with the
/// user's cookie. The SameSite=Strict cookie alone is not enough (a sibling subdomain counts as the same site, and
/// older browsers ignore it). Allowed are:
/// <list type="bullet">
/// <item>an <c>Origin</c> that is this app's own (scheme, host and port of the request, as the trusted proxy forwards them)
///   or one of <c>Jixiao:AllowedOrigins</c>; browsers send it with every such call, the app's own pages included;</item>
/// <item>without <c>Origin</c>, a <c>Referer</c> of the app's own origin;</item>
/// <item>without either, a request that carries the header <c>X-Jixiao-Client</c> (or <c>X-Requested-With</c>):
///   scripts, the CLI, curl. A page of another site cannot add a custom header to a cross-site request without the
///   CORS pre-flight that this app never grants, so the header proves the caller is not a forged form or fetch.</item>
/// </list>
/// Everything else answers 403 with a Chinese ProblemDetails. Reads (GET, HEAD) pass: they change nothing, and another
/// site cannot read their answers. Razor Pages forms carry their anti-forgery token instead.
/// </summary>
public sealed partial class CrossSiteRequests(RequestDelegate next, IConfiguration configuration, ILogger<CrossSiteRequests> logger)
{
    public const string ClientHeader = "X-Jixiao-Client";

    private readonly HashSet<string> _allowed = (configuration["Jixiao:AllowedOrigins"] ?? "")
        .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || !ChangesState(request.Method) || Problem(request) is not { } problem)
        {
            await next(context);
            return;
        }

        LogRefused(logger, request.Method, request.Path.Value ?? "", request.Headers.Origin.ToString());
        await TypedResults.Problem(problem, statusCode: StatusCodes.Status403Forbidden, title: ApiProblems.TitleFor(403)).ExecuteAsync(context);
    }

    private static bool ChangesState(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>Why the request is refused, or null when it may pass.</summary>
    private string? Problem(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return Allowed(origin, own) ? null : Foreign(origin);
        }

        var referer = request.Headers.Referer.ToString();
        if (referer.Length > 0)
        {
            return Uri.TryCreate(referer, UriKind.Absolute, out var uri) && Allowed(uri.GetLeftPart(UriPartial.Authority), own) ? null
                : Foreign(Uri.TryCreate(referer, UriKind.Absolute, out var shown) ? shown.GetLeftPart(UriPartial.Authority) : "未知来源");
        }

        return request.Headers.ContainsKey(ClientHeader) || request.Headers.ContainsKey("X-Requested-With") ? null
            : $"请求缺少来源信息，已拒绝：修改数据的请求须来自本系统的页面；脚本或命令行程序调用接口时，请加请求头 {ClientHeader}（任意值，如 {ClientHeader}: script）。";
    }

    private bool Allowed(string origin, string own) =>
        string.Equals(origin.TrimEnd('/'), own, StringComparison.OrdinalIgnoreCase) || _allowed.Contains(origin.TrimEnd('/'));

    private static string Foreign(string origin) =>
        $"已拒绝来自其他网站（{(origin.Length > 100 ? origin[..100] + "…" : origin)}）的请求：修改数据的请求只能从本系统的页面发出。";

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Refused a cross-site {Method} {Path} (Origin {Origin})")]
    private static partial void LogRefused(ILogger logger, string method, string path, string origin);
}

using Jixiao.Web.Api;
using Microsoft.AspNetCore.HttpOverrides;

namespace Jixiao.Web;

/// <summary>The request pipeline, in order.</summary>
public static class Pipeline
{
    public static WebApplication UseJixiao(this WebApplication app)
    {
        // Behind a reverse proxy named in Jixiao:TrustedProxies: the client's address (login throttle), the scheme (Secure
        // cookies, HSTS, the Origin check) and the host as the browser used them. Without it these headers are ignored.
        if (ServiceRegistration.TrustedProxies(app.Configuration) is { } trusted)
        {
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in trusted)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            app.UseForwardedHeaders(forwarded);
        }

        if (!app.Environment.IsDevelopment())
        {
            // Only on HTTPS requests (and never for localhost): a browser that reached the app over TLS keeps to it.
            app.UseHsts();
        }

        app.UseExceptionHandler(app.Environment.IsDevelopment() ? "/Error" : "/Error");
        // A page's bodiless error status (404 of an unknown or out-of-scope id) becomes the Chinese page /status/{code}; the
        // API keeps its ProblemDetails (below, inside this one).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStatusCodePages(async context =>
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/api") && !context.HttpContext.Response.HasStarted
                && context.HttpContext.Response.ContentLength is null && context.HttpContext.Response.ContentType is null)
            {
                var status = context.HttpContext.Response.StatusCode;
                await TypedResults.Problem(ApiProblems.DetailFor(status), statusCode: status, title: ApiProblems.TitleFor(status)).ExecuteAsync(context.HttpContext);
            }
        });
        app.UseMiddleware<ApiErrors>();
        app.UseMiddleware<CrossSiteRequests>();
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The Swagger UI middleware looks at every request; only its own path needs it.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api/docs"), docs => docs.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Jixiao API v1");
            o.DocumentTitle = "Jixiao API 文档";
        }));
        app.MapJixiaoApi();
        app.MapJixiaoUsersApi();
        app.MapJixiaoUnitsAdminApi();
        app.MapJixiaoMonitoringApi();
        app.MapJixiaoResultUseApi();
        app.MapJixiaoRectificationApi();
        app.MapJixiaoRecheckApi();
        app.MapJixiaoEvidenceApi();
        app.MapJixiaoRulebookApi();
        app.MapRazorPages();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // The Swagger UI page needs inline script; every other page runs only our own files.
        headers["Content-Security-Policy"] = context.Request.Path.StartsWithSegments("/api/docs")
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
            : "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        return next();
    }
}

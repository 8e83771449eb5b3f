using Edge.Service.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Edge.Service.StatusPage;

/// <summary>The four read-only routes. Each takes a fresh snapshot per request.</summary>
internal static class StatusPageRoutes
{
    public const string Health = "/healthz";

    private static readonly string[] s_readOnly = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(IEndpointRouteBuilder routes, IStatusSource source)
    {
        routes.MapMethods("/", s_readOnly, () =>
            Results.Text(StatusHtml.Render(source.Current()), "text/html; charset=utf-8"));
        routes.MapMethods("/api/status", s_readOnly, () =>
            Results.Json(source.Current(), StatusJsonContext.Default.StatusSnapshot));
        routes.MapMethods("/metrics", s_readOnly, () =>
            Results.Text(StatusMetrics.Render(source.Current()), PrometheusText.ContentType));
        // For a load balancer or a watchdog script: no password, no details.
        routes.MapMethods(Health, s_readOnly, () => source.Current().State == "fault"
            ? Results.Text("fault\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ok\n", "text/plain; charset=utf-8"));
    }
}

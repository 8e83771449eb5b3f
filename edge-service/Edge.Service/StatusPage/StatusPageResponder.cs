using System.Net;
using System.Text.Json;
using Edge.Service.Status;
using Edge.Service.StatusPage.Http;

namespace Edge.Service.StatusPage;

/// <summary>What the page answers: GET and HEAD only (405 otherwise, on every path), a password on
/// every path but <c>/healthz</c>, then the four read-only routes, each from a fresh snapshot.</summary>
internal sealed class StatusPageResponder(IStatusSource source, BasicAuthentication authentication)
{
    public const string Health = "/healthz";
    private const string Html = "text/html; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";

    public HttpResponse Respond(HttpRequestHead request, IPAddress client)
    {
        if (request.Method is not ("GET" or "HEAD"))
            return HttpResponse.Text(405, "read-only: GET and HEAD only\n", headers: new KeyValuePair<string, string>("Allow", "GET, HEAD"));
        if (request.HasBody)
            return HttpResponse.Text(413, "the page takes no request body\n");
        if (request.Path != Health && authentication.Refuse(request, client) is { } refusal)
            return refusal;
        return request.Path switch
        {
            "/" => HttpResponse.Text(200, StatusHtml.Render(source.Current()), Html),
            "/api/status" => new HttpResponse(200, Json, JsonSerializer.SerializeToUtf8Bytes(source.Current(), StatusJsonContext.Default.StatusSnapshot), []),
            "/metrics" => HttpResponse.Text(200, StatusMetrics.Render(source.Current()), PrometheusText.ContentType),
            // For a load balancer or a watchdog script: no password, no details.
            Health => source.Current().State == "fault" ? HttpResponse.Text(503, "fault\n") : HttpResponse.Text(200, "ok\n"),
            _ => HttpResponse.Text(404, "no such page\n"),
        };
    }
}

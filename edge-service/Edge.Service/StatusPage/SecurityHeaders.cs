using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Edge.Service.StatusPage;

/// <summary>The headers every response carries: nothing cached, nothing sniffed, framed or referred, and
/// a policy that runs only the page's own inline style and script (by hash) and fetches only from
/// the sensor itself.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public static readonly string ContentSecurityPolicy =
        "default-src 'none'; " +
        $"style-src '{Sha256(PageStyle.Css)}'; " +
        $"script-src '{Sha256(PageScript.Js)}'; " +
        "connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }

    private static string Sha256(string inline) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}

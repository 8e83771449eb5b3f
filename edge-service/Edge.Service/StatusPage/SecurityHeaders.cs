using System.Security.Cryptography;
using System.Text;

namespace Edge.Service.StatusPage;

/// <summary>The headers every response carries: nothing cached, nothing sniffed, framed or referred, and
/// a policy that runs only the page's own inline style and script (by hash) and fetches only from
/// the sensor itself.</summary>
internal static class SecurityHeaders
{
    public static readonly string ContentSecurityPolicy =
        "default-src 'none'; " +
        $"style-src '{Sha256(PageStyle.Css)}'; " +
        $"script-src '{Sha256(PageScript.Js)}'; " +
        "connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static readonly IReadOnlyList<KeyValuePair<string, string>> All =
    [
        new("Cache-Control", "no-store"),
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "DENY"),
        new("Referrer-Policy", "no-referrer"),
        new("Content-Security-Policy", ContentSecurityPolicy),
    ];

    private static string Sha256(string inline) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}

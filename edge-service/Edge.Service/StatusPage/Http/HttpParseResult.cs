namespace Edge.Service.StatusPage.Http;

/// <summary>A parsed head, or the status to refuse the request with and why.</summary>
internal sealed record HttpParseResult(HttpRequestHead? Head, int Status, string Reason)
{
    public static HttpParseResult Ok(HttpRequestHead head) => new(head, 200, "");

    public static HttpParseResult Fail(int status, string reason) => new(null, status, reason);
}

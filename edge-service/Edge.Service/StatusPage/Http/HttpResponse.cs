namespace Edge.Service.StatusPage.Http;

/// <summary>A whole response: status, content type, body and any further headers. The server adds
/// the framing and the headers every response carries.</summary>
internal sealed record HttpResponse(int Status, string ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    private const string PlainText = "text/plain; charset=utf-8";

    public static HttpResponse Text(int status, string text, string contentType = PlainText, params KeyValuePair<string, string>[] headers) =>
        new(status, contentType, System.Text.Encoding.UTF8.GetBytes(text), headers);
}

using System.Globalization;
using System.Text;

namespace Edge.Service.StatusPage.Http;

/// <summary>Writes a response head (status line, Date, framing, the common headers, the response's
/// own) and its body, leaving the body out for HEAD.</summary>
internal static class HttpResponseWriter
{
    public static byte[] Serialize(HttpResponse response, bool head, bool keepAlive, DateTimeOffset now,
        IReadOnlyList<KeyValuePair<string, string>> common)
    {
        var text = new StringBuilder(512)
            .Append("HTTP/1.1 ").Append(response.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrase(response.Status)).Append("\r\n")
            .Append("Date: ").Append(now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Content-Type: ").Append(response.ContentType).Append("\r\n")
            .Append("Content-Length: ").Append(response.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        if (!keepAlive)
            text.Append("Connection: close\r\n");
        foreach (var (name, value) in common)
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        foreach (var (name, value) in response.Headers)
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        var headText = text.Append("\r\n").ToString();
        var bytes = new byte[headText.Length + (head ? 0 : response.Body.Length)];
        Encoding.ASCII.GetBytes(headText, bytes);
        if (!head)
            response.Body.CopyTo(bytes, headText.Length);
        return bytes;
    }

    public static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        414 => "URI Too Long",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    };
}

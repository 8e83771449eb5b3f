using System.Text;

namespace Edge.Cli.Synth.Http;

/// <summary>HTTP/1.1 request and response heads with bodies (RFC 9112).</summary>
internal static class HttpMessage
{
    public static byte[] Request(string method, string host, string target, string userAgent, string? contentType = null, string? body = null)
    {
        var text = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(host).Append("\r\n")
            .Append("User-Agent: ").Append(userAgent).Append("\r\n")
            .Append("Accept: */*\r\n");
        if (body is not null)
        {
            text.Append("Content-Type: ").Append(contentType ?? "application/octet-stream").Append("\r\n")
                .Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n");
        }
        text.Append("\r\n").Append(body);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Response(int status, string reason, string contentType, string body, string server = "nginx")
    {
        var text = new StringBuilder()
            .Append("HTTP/1.1 ").Append(status).Append(' ').Append(reason).Append("\r\n")
            .Append("Server: ").Append(server).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n")
            .Append("\r\n").Append(body);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

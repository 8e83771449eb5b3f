using System.Text;

namespace Edge.Service.StatusPage.Http;

/// <summary>Parses an HTTP/1.x request head (RFC 9112) strictly: CRLF line ends only, no folded
/// lines, no space before a header's colon, Host required in HTTP/1.1, at most one Host and one
/// Content-Length. A body is never read: the head only says whether one follows, and the server
/// answers such a request and closes the connection. Only HTTP/1.1 keeps a connection open.
/// Every failure is the status code to answer with and a reason.</summary>
internal static class HttpHeadParser
{
    public const int MaxHeadBytes = 8 * 1024;
    public const int MaxHeaders = 64;
    private const int MaxMethodLength = 16;
    private const int MaxTargetLength = 2048;

    /// <summary>The length of the head (through its empty line) at the start of
    /// <paramref name="buffer"/>, or -1 while it is incomplete.</summary>
    public static int HeadLength(ReadOnlySpan<byte> buffer)
    {
        var end = buffer.IndexOf("\r\n\r\n"u8);
        return end < 0 ? -1 : end + 4;
    }

    public static HttpParseResult Parse(ReadOnlySpan<byte> head)
    {
        if (head.Length > MaxHeadBytes)
            return HttpParseResult.Fail(431, "request head too large");
        var lineEnd = head.IndexOf("\r\n"u8);
        if (lineEnd < 0)
            return HttpParseResult.Fail(400, "no request line");
        var requestLine = ParseRequestLine(head[..lineEnd], out var method, out var path, out var http11);
        if (requestLine is not null)
            return requestLine;

        var keepAlive = http11;
        var hasBody = false;
        var hosts = 0;
        var lengths = 0;
        var authorization = new List<string>(1);
        var rest = head[(lineEnd + 2)..];
        for (var count = 0; ; count++)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            if (lineEnd < 0)
                return HttpParseResult.Fail(400, "header line without CRLF");
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            if (line.IsEmpty)
                break;
            if (count == MaxHeaders)
                return HttpParseResult.Fail(431, "too many header lines");
            if (HasControl(line))
                return HttpParseResult.Fail(400, "control character in a header line");
            if (line[0] is (byte)' ' or (byte)'\t')
                return HttpParseResult.Fail(400, "folded header line");
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsToken(line[..colon]))
                return HttpParseResult.Fail(400, "malformed header name");
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Is(name, "host"))
                hosts++;
            else if (Is(name, "content-length"))
            {
                lengths++;
                if (value.IsEmpty || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
                    return HttpParseResult.Fail(400, "malformed Content-Length");
                hasBody |= value.TrimStart((byte)'0').Length > 0;
            }
            else if (Is(name, "transfer-encoding"))
                hasBody = true;
            else if (Is(name, "authorization"))
                authorization.Add(Encoding.Latin1.GetString(value));
            else if (Is(name, "connection") && HasCloseToken(value))
                keepAlive = false;
        }
        if (!rest.IsEmpty)
            return HttpParseResult.Fail(400, "bytes after the head's empty line");
        if (hosts > 1 || lengths > 1)
            return HttpParseResult.Fail(400, "repeated Host or Content-Length");
        if (http11 && hosts == 0)
            return HttpParseResult.Fail(400, "HTTP/1.1 request without Host");
        return HttpParseResult.Ok(new HttpRequestHead(method, path, keepAlive && !hasBody, hasBody, authorization));
    }

    private static HttpParseResult? ParseRequestLine(ReadOnlySpan<byte> line, out string method, out string path, out bool http11)
    {
        method = path = "";
        http11 = false;
        var firstSpace = line.IndexOf((byte)' ');
        var lastSpace = line.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
            return HttpParseResult.Fail(400, "malformed request line");
        var methodBytes = line[..firstSpace];
        var target = line[(firstSpace + 1)..lastSpace];
        var version = line[(lastSpace + 1)..];
        if (methodBytes.Length > MaxMethodLength || !IsToken(methodBytes))
            return HttpParseResult.Fail(400, "malformed method");
        if (target.Length > MaxTargetLength)
            return HttpParseResult.Fail(414, "request target too long");
        if (!IsVisible(target))
            return HttpParseResult.Fail(400, "malformed request target");
        if (StartsWithHttpScheme(target))
        {
            // Absolute form (RFC 9112 3.2.2): the path is what follows the authority.
            var afterScheme = target[7..];
            var slash = afterScheme.IndexOf((byte)'/');
            target = slash < 0 ? "/"u8 : afterScheme[slash..];
        }
        else if (target[0] != (byte)'/' && !target.SequenceEqual("*"u8))
            return HttpParseResult.Fail(400, "malformed request target");
        if (version.SequenceEqual("HTTP/1.1"u8))
            http11 = true;
        else if (!version.SequenceEqual("HTTP/1.0"u8))
            return version.StartsWith("HTTP/"u8) && version.Length == 8
                ? HttpParseResult.Fail(505, "HTTP version not supported")
                : HttpParseResult.Fail(400, "malformed HTTP version");
        var query = target.IndexOf((byte)'?');
        method = Encoding.ASCII.GetString(methodBytes);
        path = Encoding.ASCII.GetString(query < 0 ? target : target[..query]);
        return null;
    }

    private static bool StartsWithHttpScheme(ReadOnlySpan<byte> target) =>
        target.Length >= 7 && Is(target[..4], "http") && target[4..7].SequenceEqual("://"u8);

    private static bool HasCloseToken(ReadOnlySpan<byte> value)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Is(value[range].Trim(" \t"u8), "close"))
                return true;
        }
        return false;
    }

    private static bool Is(ReadOnlySpan<byte> bytes, string lowercase)
    {
        if (bytes.Length != lowercase.Length)
            return false;
        for (var i = 0; i < bytes.Length; i++)
        {
            if ((bytes[i] | 0x20) != lowercase[i])
                return false;
        }
        return true;
    }

    private static bool IsToken(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (!(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                || "!#$%&'*+-.^_`|~"u8.Contains(b)))
                return false;
        }
        return true;
    }

    /// <summary>Any control character but horizontal tab (a bare CR or LF among them).</summary>
    private static bool HasControl(ReadOnlySpan<byte> line) =>
        line.IndexOfAnyInRange((byte)0x00, (byte)0x08) >= 0 || line.IndexOfAnyInRange((byte)0x0A, (byte)0x1F) >= 0 || line.Contains((byte)0x7F);

    private static bool IsVisible(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExceptInRange((byte)0x21, (byte)0x7E);
}

using Edge.Watch.Decoding;

namespace Edge.Watch.Http;

public static class HttpRequestHeadReader
{
    public const int MaxHeadLength = 16384;
    public const int MaxHeaders = 128;

    /// <summary>The longest method token with its SP ("CONNECT ", "OPTIONS ").</summary>
    public const int LongestMethodPrefix = 8;

    /// <summary>True when data starts with a known method token and SP; false for anything shorter.</summary>
    public static bool LooksLikeRequest(ReadOnlySpan<byte> data) =>
        data.StartsWith("GET "u8) || data.StartsWith("POST "u8) || data.StartsWith("HEAD "u8)
        || data.StartsWith("PUT "u8) || data.StartsWith("DELETE "u8) || data.StartsWith("OPTIONS "u8)
        || data.StartsWith("PATCH "u8) || data.StartsWith("CONNECT "u8) || data.StartsWith("TRACE "u8);

    /// <summary>True when data, shorter than a method token and its SP, could still become one.</summary>
    public static bool CouldBeRequestPrefix(ReadOnlySpan<byte> data) =>
        data.Length < LongestMethodPrefix && (
            "GET "u8.StartsWith(data) || "POST "u8.StartsWith(data) || "HEAD "u8.StartsWith(data)
            || "PUT "u8.StartsWith(data) || "DELETE "u8.StartsWith(data) || "OPTIONS "u8.StartsWith(data)
            || "PATCH "u8.StartsWith(data) || "CONNECT "u8.StartsWith(data) || "TRACE "u8.StartsWith(data));

    /// <summary>Parses a request line (RFC 9112 §3) and its field lines (RFC 9112 §5) up to the empty
    /// line. <paramref name="consumed"/> is the head length, empty line included.</summary>
    public static ParseStatus TryParse(ReadOnlySpan<byte> data, out HttpRequestHead head, out int consumed, out HttpError error)
    {
        head = default;
        consumed = 0;
        var window = data.Length > MaxHeadLength ? data[..MaxHeadLength] : data;
        if (!TryTakeLine(window, 0, out var line, out var next))
            return Incomplete(data, out error);
        if (!RequestLine.TryParse(line, out var method, out var uri, out var version, out error))
            return ParseStatus.Malformed;

        var fields = new RequestFields();
        while (true)
        {
            if (!TryTakeLine(window, next, out line, out next))
                return Incomplete(data, out error);
            if (line.IsEmpty)
                break;
            if (!fields.TryAdd(line, out error))
                return ParseStatus.Malformed;
        }

        consumed = next;
        head = new HttpRequestHead
        {
            Method = method,
            Uri = uri,
            Version = version,
            Host = fields.Host,
            UserAgent = fields.UserAgent,
            HeaderCount = fields.Count,
            ContentLength = fields.ContentLength,
            IsChunked = fields.Chunked,
        };
        return ParseStatus.Done;
    }

    // RFC 9112 §2.2: lines end in CRLF; a recipient MAY accept a bare LF.
    private static bool TryTakeLine(ReadOnlySpan<byte> window, int start, out ReadOnlySpan<byte> line, out int next)
    {
        line = default;
        next = start;
        var end = window[start..].IndexOf((byte)'\n');
        if (end < 0)
            return false;
        line = window.Slice(start, end);
        if (!line.IsEmpty && line[^1] == '\r')
            line = line[..^1];
        next = start + end + 1;
        return true;
    }

    private static ParseStatus Incomplete(ReadOnlySpan<byte> data, out HttpError error)
    {
        if (data.Length >= MaxHeadLength)
        {
            error = HttpError.HeadTooLong;
            return ParseStatus.Malformed;
        }
        error = HttpError.None;
        return ParseStatus.NeedMore;
    }
}
